// The CatalogRepository contract: what every backend must do (storage_backends.hpp).
#include <gtest/gtest.h>

#include "storage/storage_backends.hpp"

namespace motcua::storage {
namespace {

domain::Agency MakeAgency(std::string code, std::string parent, std::string name) {
    domain::Agency agency;
    agency.code = std::move(code);
    agency.parent_code = std::move(parent);
    agency.name_vi = std::move(name);
    agency.kind = agency.parent_code.empty() ? domain::AgencyKind::kProvince
                                             : domain::AgencyKind::kDepartment;
    agency.valid_from = "2025-07-01";
    return agency;
}

domain::Procedure MakeProcedure(std::string code, std::string name) {
    domain::Procedure procedure;
    procedure.code = std::move(code);
    procedure.national_code = "1.001193";
    procedure.name_vi = std::move(name);
    procedure.field_code = "civil_status";
    procedure.steps = {{"Xử lý", "", domain::StepRole::kSpecialist, "", 100}};
    procedure.applicant_kinds = {"citizen"};
    procedure.effective_from = "2025-07-01";
    procedure.extra_json = R"({"note":"giữ lại"})";
    return procedure;
}

template <typename Backend>
class CatalogRepositoryContract : public testing::StorageContract<Backend> {
protected:
    CatalogRepository& Repository() { return this->Db().Catalog(); }

    // Runs one catalogue write in its own transaction.
    template <typename Upsert>
    Outcome<ImportSummary> Store(Upsert upsert) {
        ImportSummary summary;
        auto written = this->Db().Write([&](Transaction& transaction) -> Outcome<Done> {
            auto stored = upsert(transaction.Catalog());
            if (!stored) {
                return stored.GetError();
            }
            summary = stored.Value();
            return Done{};
        });
        if (!written) {
            return written.GetError();
        }
        return summary;
    }
    Outcome<ImportSummary> UpsertAgencies(const std::vector<domain::Agency>& agencies) {
        return Store([&](CatalogStore& store) { return store.UpsertAgencies(agencies); });
    }
    Outcome<ImportSummary> UpsertProcedures(const std::vector<domain::Field>& fields,
                                            const std::vector<domain::Procedure>& procedures) {
        return Store(
            [&](CatalogStore& store) { return store.UpsertProcedures(fields, procedures); });
    }
};
TYPED_TEST_SUITE(CatalogRepositoryContract, testing::StorageBackends, testing::BackendName);

TYPED_TEST(CatalogRepositoryContract, UpsertCountsInsertsUpdatesAndUnchanged) {
    auto first = this->UpsertAgencies(
        {MakeAgency("H32", "", "Tỉnh"), MakeAgency("H32.02", "H32", "Sở Tư pháp")});
    ASSERT_TRUE(first.HasValue());
    EXPECT_EQ(first.Value().inserted, 2);
    auto second = this->UpsertAgencies(
        {MakeAgency("H32", "", "Tỉnh"), MakeAgency("H32.02", "H32", "Sở Tư pháp tỉnh")});
    ASSERT_TRUE(second.HasValue());
    EXPECT_EQ(second.Value().unchanged, 1);
    EXPECT_EQ(second.Value().updated, 1);
    auto loaded = this->Repository().LoadAgencies();
    ASSERT_TRUE(loaded.HasValue());
    ASSERT_EQ(loaded.Value().size(), 2U);
    EXPECT_EQ(loaded.Value()[1].name_vi, "Sở Tư pháp tỉnh");
}

TYPED_TEST(CatalogRepositoryContract, ProceduresRoundTripWithUnknownFieldsAndSurviveRestart) {
    ASSERT_TRUE(this->UpsertProcedures({{"civil_status", "Hộ tịch", "Civil status"}},
                                       {MakeProcedure("P1", "Đăng ký khai sinh")})
                    .HasValue());
    this->Reopen();
    auto procedures = this->Repository().LoadProcedures();
    ASSERT_TRUE(procedures.HasValue());
    ASSERT_EQ(procedures.Value().size(), 1U);
    EXPECT_EQ(procedures.Value()[0].name_vi, "Đăng ký khai sinh");
    EXPECT_EQ(procedures.Value()[0].extra_json, R"({"note":"giữ lại"})");
    auto fields = this->Repository().LoadFields();
    ASSERT_TRUE(fields.HasValue());
    EXPECT_EQ(fields.Value().at(0).name_en, "Civil status");
}

TYPED_TEST(CatalogRepositoryContract, RevisionGrowsOnEveryChange) {
    const auto before = this->Repository().GetCatalogRevision();
    ASSERT_TRUE(before.HasValue());
    ASSERT_TRUE(this->UpsertAgencies({MakeAgency("H32", "", "Tỉnh")}).HasValue());
    const auto after = this->Repository().GetCatalogRevision();
    ASSERT_TRUE(after.HasValue());
    EXPECT_GT(after.Value(), before.Value());
    ASSERT_TRUE(this->UpsertAgencies({MakeAgency("H32", "", "Tỉnh")}).HasValue());
    EXPECT_EQ(this->Repository().GetCatalogRevision().Value(), after.Value());  // Nothing changed.
}

TYPED_TEST(CatalogRepositoryContract, ProcedureWithUnknownFieldIsRejectedAtomically) {
    // The field table is a foreign key: a procedure naming an unknown field fails, and so does
    // the whole upsert, leaving nothing half-written.
    auto outcome =
        this->UpsertProcedures({}, {MakeProcedure("P1", "Một"), MakeProcedure("P2", "Hai")});
    EXPECT_FALSE(outcome.HasValue());
    EXPECT_TRUE(this->Repository().LoadProcedures().Value().empty());
}

}  // namespace
}  // namespace motcua::storage
