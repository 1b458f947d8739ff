// The CatalogRepository contract: what every backend must do.
#include <gtest/gtest.h>

#include "support/temp_sqlite_database.hpp"

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

class CatalogRepositoryContract : public ::testing::Test {
protected:
    testing::TempSqliteDatabase database_;
    CatalogRepository& Repository() { return database_.Get().Catalog(); }

    // Runs one catalogue write in its own transaction.
    template <typename Upsert>
    Outcome<ImportSummary> Store(Upsert upsert) {
        ImportSummary summary;
        auto written = database_.Get().Write([&](Transaction& transaction) -> Outcome<Done> {
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

TEST_F(CatalogRepositoryContract, UpsertCountsInsertsUpdatesAndUnchanged) {
    auto first =
        UpsertAgencies({MakeAgency("H32", "", "Tỉnh"), MakeAgency("H32.02", "H32", "Sở Tư pháp")});
    ASSERT_TRUE(first.HasValue());
    EXPECT_EQ(first.Value().inserted, 2);
    auto second = UpsertAgencies(
        {MakeAgency("H32", "", "Tỉnh"), MakeAgency("H32.02", "H32", "Sở Tư pháp tỉnh")});
    ASSERT_TRUE(second.HasValue());
    EXPECT_EQ(second.Value().unchanged, 1);
    EXPECT_EQ(second.Value().updated, 1);
    auto loaded = Repository().LoadAgencies();
    ASSERT_TRUE(loaded.HasValue());
    ASSERT_EQ(loaded.Value().size(), 2U);
    EXPECT_EQ(loaded.Value()[1].name_vi, "Sở Tư pháp tỉnh");
}

TEST_F(CatalogRepositoryContract, ProceduresRoundTripWithUnknownFieldsAndSurviveRestart) {
    ASSERT_TRUE(UpsertProcedures({{"civil_status", "Hộ tịch", "Civil status"}},
                                 {MakeProcedure("P1", "Đăng ký khai sinh")})
                    .HasValue());
    database_.Reopen();
    auto procedures = Repository().LoadProcedures();
    ASSERT_TRUE(procedures.HasValue());
    ASSERT_EQ(procedures.Value().size(), 1U);
    EXPECT_EQ(procedures.Value()[0].name_vi, "Đăng ký khai sinh");
    EXPECT_EQ(procedures.Value()[0].extra_json, R"({"note":"giữ lại"})");
    auto fields = Repository().LoadFields();
    ASSERT_TRUE(fields.HasValue());
    EXPECT_EQ(fields.Value().at(0).name_en, "Civil status");
}

TEST_F(CatalogRepositoryContract, RevisionGrowsOnEveryChange) {
    const auto before = Repository().GetCatalogRevision();
    ASSERT_TRUE(before.HasValue());
    ASSERT_TRUE(UpsertAgencies({MakeAgency("H32", "", "Tỉnh")}).HasValue());
    const auto after = Repository().GetCatalogRevision();
    ASSERT_TRUE(after.HasValue());
    EXPECT_GT(after.Value(), before.Value());
    ASSERT_TRUE(UpsertAgencies({MakeAgency("H32", "", "Tỉnh")}).HasValue());
    EXPECT_EQ(Repository().GetCatalogRevision().Value(), after.Value());  // Nothing changed.
}

TEST_F(CatalogRepositoryContract, ProcedureWithUnknownFieldIsRejectedAtomically) {
    // The field table is a foreign key: a procedure naming an unknown field fails, and so does
    // the whole upsert, leaving nothing half-written.
    auto outcome = UpsertProcedures({}, {MakeProcedure("P1", "Một"), MakeProcedure("P2", "Hai")});
    EXPECT_FALSE(outcome.HasValue());
    EXPECT_TRUE(Repository().LoadProcedures().Value().empty());
}

}  // namespace
}  // namespace motcua::storage
