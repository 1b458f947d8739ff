#include "services/catalog/catalog_service.hpp"

#include <gtest/gtest.h>

#include "support/fake_clock.hpp"
#include "support/temp_sqlite_database.hpp"

namespace motcua::services {
namespace {

constexpr const char* kAgencies = R"({"agencies": [
  {"code": "H32", "name_vi": "Ủy ban nhân dân tỉnh Khánh Hòa", "kind": "province",
   "parent": null, "valid_from": "2025-07-01"},
  {"code": "H32.02", "legacy_code": "000.00.02.H32", "name_vi": "Sở Tư pháp",
   "kind": "department", "parent": "H32", "valid_from": "2025-03-01"},
  {"code": "H32.22333", "name_vi": "Ủy ban nhân dân phường Bắc Nha Trang", "kind": "commune",
   "parent": "H32", "valid_from": "2025-07-01"}
]})";

std::string Procedure(const std::string& code, const std::string& name, const char* level,
                      const char* agency) {
    return R"({"code": ")" + code + R"(", "national_code": "1.000001", "name_vi": ")" + name +
           R"(", "field": "civil_status", "level": ")" + level + R"(", "competent_agency": )" +
           agency + R"(, "receiving_agency": null,
     "online_level": "full", "processing_time": {"amount": 3, "unit": "working_days"},
     "fees": [], "components": [], "steps": [{"name_vi": "Xử lý", "role": "specialist",
     "share_percent": 100}], "result": {"kind": "document", "name_vi": "Kết quả"},
     "applicant_kinds": ["citizen"], "legal_basis": [], "version": 1,
     "effective_from": "2025-07-01"})";
}

std::string ProcedureFile() {
    return R"({"fields": [{"code": "civil_status", "name_vi": "Hộ tịch", "name_en": "Civil status"}],
      "procedures": [)" +
           Procedure("P1", "Đăng ký khai sinh", "commune", "null") + "," +
           Procedure("P2", "Đăng ký lại khai sinh", "commune", "null") + "," +
           Procedure("P3", "Đăng ký khai tử", "commune", "null") + "," +
           Procedure("P4", "Cấp Phiếu lý lịch tư pháp", "province", R"("H32.02")") + "]}";
}

class CatalogServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(service_.Load().HasValue());
        ASSERT_TRUE(service_.ImportAgencies(system_, kAgencies).HasValue());
        ASSERT_TRUE(service_.ImportProcedures(system_, ProcedureFile()).HasValue());
    }
    std::vector<std::string> Codes(const CatalogPage& page) const {
        std::vector<std::string> codes;
        codes.reserve(page.items.size());
        for (const auto position : page.items) {
            codes.push_back(page.snapshot->procedures[position].code);
        }
        return codes;
    }
    testing::TempSqliteDatabase database_;
    testing::FakeClock clock_;
    CatalogService service_{database_.Get(), clock_};
    const domain::Actor system_ = domain::Actor::System("test");
};

TEST_F(CatalogServiceTest, SearchIsDiacriticInsensitiveAndRanksExactNameFirst) {
    for (const char* text : {"dang ky khai sinh", "ĐĂNG KÝ KHAI SINH", "Đăng ký khai sinh"}) {
        auto page = service_.SearchProcedures({.text = text});
        ASSERT_TRUE(page.HasValue());
        ASSERT_FALSE(page.Value().items.empty()) << text;
        EXPECT_EQ(Codes(page.Value()).front(), "P1") << text;
        EXPECT_EQ(page.Value().total, 2U) << text;  // P1 and P2, not the death registration.
    }
}

TEST_F(CatalogServiceTest, FiltersByLevelAndAgencySubtree) {
    auto province_level = service_.SearchProcedures({.level = domain::ProcedureLevel::kProvince});
    ASSERT_TRUE(province_level.HasValue());
    EXPECT_EQ(Codes(province_level.Value()), std::vector<std::string>{"P4"});
    auto by_legacy_code = service_.SearchProcedures({.agency = "000.00.02.H32"});
    ASSERT_TRUE(by_legacy_code.HasValue());
    EXPECT_EQ(Codes(by_legacy_code.Value()), std::vector<std::string>{"P4"});
    auto commune = service_.SearchProcedures({.agency = "H32.22333"});
    ASSERT_TRUE(commune.HasValue());
    EXPECT_EQ(commune.Value().total, 3U);
    auto province = service_.SearchProcedures({.agency = "H32"});
    ASSERT_TRUE(province.HasValue());
    EXPECT_EQ(province.Value().total, 4U);  // Commune-level procedures belong to the province too.
    EXPECT_EQ(service_.SearchProcedures({.agency = "H99"}).GetError().param, "agency");
}

TEST_F(CatalogServiceTest, CursorPaginationCoversEveryItemOnce) {
    std::vector<std::string> seen;
    ProcedureQuery query{.limit = 3};
    for (int pages = 0; pages < 5; ++pages) {
        auto page = service_.SearchProcedures(query);
        ASSERT_TRUE(page.HasValue());
        for (const auto& code : Codes(page.Value())) {
            seen.push_back(code);
        }
        if (page.Value().next_cursor.empty()) {
            break;
        }
        query.cursor = page.Value().next_cursor;
    }
    std::sort(seen.begin(), seen.end());
    EXPECT_EQ(seen, (std::vector<std::string>{"P1", "P2", "P3", "P4"}));
}

TEST_F(CatalogServiceTest, BadPagingIsRejectedWithParameterName) {
    EXPECT_EQ(service_.SearchProcedures({.limit = 0}).GetError().param, "limit");
    EXPECT_EQ(service_.SearchProcedures({.limit = 101}).GetError().param, "limit");
    EXPECT_EQ(service_.SearchProcedures({.cursor = "zz"}).GetError().code, "invalid_cursor");
    EXPECT_EQ(service_.SearchProcedures({.text = std::string(201, 'a')}).GetError().code,
              "query_too_long");
    std::string vietnamese;
    for (int i = 0; i < 200; ++i) {
        vietnamese += "ậ";  // 3 bytes, one character.
    }
    EXPECT_TRUE(service_.SearchProcedures({.text = vietnamese}).HasValue());
}

TEST_F(CatalogServiceTest, ImportRejectsWholeFileOnOneBadRecord) {
    std::string bad = ProcedureFile();
    bad.replace(bad.find(R"("H32.02")"), 8, R"("H99.99")");
    const auto outcome = service_.ImportProcedures(system_, bad);
    ASSERT_FALSE(outcome.HasValue());
    EXPECT_EQ(outcome.GetError().param, "procedures[3].competent_agency");
    const auto unknown_parent = service_.ImportAgencies(
        system_,
        R"({"agencies": [{"code": "X1", "name_vi": "x", "kind": "department", "parent": "NOPE",
            "valid_from": "2025-01-01"}]})");
    ASSERT_FALSE(unknown_parent.HasValue());
    EXPECT_EQ(unknown_parent.GetError().param, "agencies[0].parent");
}

TEST_F(CatalogServiceTest, ImportsNeedTheirPermissionAndRefusalsAreAudited) {
    domain::Actor citizen;
    citizen.account_id = 9;
    citizen.grants = {{domain::Role::kCitizen, ""}};
    EXPECT_EQ(service_.ImportAgencies(citizen, kAgencies).GetError().kind, ErrorKind::kForbidden);
    EXPECT_EQ(
        service_.ImportProcedures(domain::Actor::Anonymous("x"), ProcedureFile()).GetError().kind,
        ErrorKind::kUnauthenticated);
    std::vector<domain::AuditRecord> records;
    ASSERT_TRUE(database_.Get()
                    .Read([&](storage::Transaction& transaction) -> Outcome<Done> {
                        auto found = transaction.Audit().Query({});
                        records = found.Value();
                        return Done{};
                    })
                    .HasValue());
    ASSERT_GE(records.size(), 4U);  // Two imports in SetUp, two refusals here (newest first).
    EXPECT_EQ(records[0].outcome, "denied");
    EXPECT_EQ(records[0].action, "catalog.import_procedures");
    EXPECT_EQ(records[1].actor_id, 9);
    EXPECT_EQ(records[2].outcome, "ok");
}

TEST_F(CatalogServiceTest, SnapshotRefreshesWhenAnotherProcessChangesTheCatalogue) {
    const auto before = service_.GetSnapshot();
    CatalogService other_process(database_.Get(), clock_);
    ASSERT_TRUE(other_process.Load().HasValue());
    std::string renamed = kAgencies;
    renamed.replace(renamed.find("Sở Tư pháp"), std::string("Sở Tư pháp").size(),
                    "Sở Tư pháp tỉnh");
    ASSERT_TRUE(other_process.ImportAgencies(system_, renamed).HasValue());
    EXPECT_EQ(service_.GetSnapshot(), before);  // Within the refresh interval.
    clock_.Advance(std::chrono::seconds(2));
    EXPECT_NE(service_.GetSnapshot(), before);
}

TEST_F(CatalogServiceTest, GetByCodeAndNotFound) {
    auto found = service_.GetProcedure("P4");
    ASSERT_TRUE(found.HasValue());
    EXPECT_EQ(found.Value().first->procedures[found.Value().second].name_vi,
              "Cấp Phiếu lý lịch tư pháp");
    EXPECT_EQ(service_.GetProcedure("nope").GetError().kind, ErrorKind::kNotFound);
    auto agency = service_.GetAgency("000.00.02.H32");
    ASSERT_TRUE(agency.HasValue());
    EXPECT_EQ(agency.Value().first->agencies[agency.Value().second].code, "H32.02");
}

}  // namespace
}  // namespace motcua::services
