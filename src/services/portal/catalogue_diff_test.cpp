#include "services/portal/catalogue_diff.hpp"

#include <gtest/gtest.h>

#include "common/time_format.hpp"
#include "services/portal/portal_records_json.hpp"

namespace motcua::services {
namespace {

std::shared_ptr<const CatalogSnapshot> Snapshot() {
    domain::Agency province{.code = "H32", .name_vi = "UBND tỉnh Khánh Hòa"};
    province.kind = domain::AgencyKind::kProvince;
    domain::Agency justice{.code = "H32.02", .name_vi = "Sở Tư pháp", .parent_code = "H32"};
    domain::Procedure birth{.code = "1.001193.000.00.00.H32",
                            .national_code = "1.001193",
                            .name_vi = "Đăng ký khai sinh",
                            .field_code = "HT"};
    domain::Procedure copy_a{.code = "2.000815.000.00.00.H32",
                             .national_code = "2.000815",
                             .name_vi = "Chứng thực bản sao",
                             .field_code = "CT"};
    domain::Procedure copy_b = copy_a;
    copy_b.code = "2.000815.000.00.00.H32B";
    return BuildCatalogSnapshot(1, {province, justice}, {}, {copy_b, birth, copy_a});
}

TEST(CatalogueDiffTest, FindsTheLocalProcedureByItsCodeOrItsNationalCode) {
    const auto snapshot = Snapshot();
    ASSERT_NE(FindByNationalCode(*snapshot, "1.001193"), nullptr);
    EXPECT_EQ(FindByNationalCode(*snapshot, "1.001193")->code, "1.001193.000.00.00.H32");
    EXPECT_EQ(FindByNationalCode(*snapshot, "1.001193.000.00.00.H32")->code,
              "1.001193.000.00.00.H32");
    // Two local procedures of one national code: the first in code order, whatever the order
    // they were loaded in.
    EXPECT_EQ(FindByNationalCode(*snapshot, "2.000815")->code, "2.000815.000.00.00.H32");
    EXPECT_EQ(FindByNationalCode(*snapshot, "9.999999"), nullptr);
    EXPECT_EQ(FindByNationalCode(*snapshot, ""), nullptr);
}

TEST(CatalogueDiffTest, ListsNewAndChangedEntriesAndNothingThatMatches) {
    PortalCatalogue catalogue;
    catalogue.procedures = {
        {"1.001193", "Đăng ký khai sinh", "HT", "Hộ tịch", "UBND cấp xã", "1"},  // Matches.
        {"2.000815", "Chứng thực bản sao từ bản chính", "CT", "", "", "1"},      // Renamed.
        {"1.010723", "Cấp giấy phép xây dựng", "XD", "", "", "15"},              // New.
        {"1.001193.000.00.00.H32", "Đăng ký khai sinh", "", "", "", ""},  // Local code, no field.
    };
    catalogue.agencies = {
        {"H32", "UBND tỉnh Khánh Hòa", ""},    // Matches.
        {"H32.02", "Sở Tư pháp tỉnh", "H32"},  // Renamed.
        {"H32.99", "Sở mới", "H32"},           // New.
        {"H32.02", "Sở Tư pháp", "H32.14"},    // Another parent.
    };
    const auto differences = DiffCatalogue(*Snapshot(), catalogue);
    ASSERT_EQ(differences.size(), 5U);
    EXPECT_EQ(differences[0].kind, "procedure");
    EXPECT_EQ(differences[0].code, "2.000815");
    EXPECT_EQ(differences[0].change, "changed");
    EXPECT_EQ(differences[0].reason,
              "name: local \"Chứng thực bản sao\", portal \"Chứng thực bản sao từ bản chính\"");
    EXPECT_EQ(differences[1].code, "1.010723");
    EXPECT_EQ(differences[1].change, "new");
    EXPECT_NE(differences[1].payload_json.find(R"("MaTTHC":"1.010723")"), std::string::npos);
    EXPECT_EQ(differences[2].kind, "agency");
    EXPECT_EQ(differences[2].code, "H32.02");
    EXPECT_EQ(differences[2].reason, "name: local \"Sở Tư pháp\", portal \"Sở Tư pháp tỉnh\"");
    EXPECT_EQ(differences[3].code, "H32.99");
    EXPECT_EQ(differences[3].change, "new");
    EXPECT_EQ(differences[4].reason, "parent: local \"H32\", portal \"H32.14\"");
}

TEST(PortalRecordsJsonTest, APortalDossierReadsBackAsItWasStored) {
    PortalDossier dossier;
    dossier.seq = 42;
    dossier.national_code = "G22.99-260310-0001";
    dossier.procedure_code = "1.001193";
    dossier.agency_code = "H32.22333.01";
    dossier.applicant = {.kind = "organisation",
                         .id_number = "4201234567",
                         .name = "Công ty Ánh Dương",
                         .phone = "0905111111",
                         .email = "a@vd.test",
                         .address = "Nha Trang"};
    dossier.submitted_at = ParseRfc3339("2026-03-10T01:30:00Z");
    const auto back = ParsePortalDossierJson(PortalDossierJson(dossier));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->seq, 42);
    EXPECT_EQ(back->national_code, dossier.national_code);
    EXPECT_EQ(back->procedure_code, dossier.procedure_code);
    EXPECT_EQ(back->agency_code, dossier.agency_code);
    EXPECT_EQ(back->applicant.kind, "organisation");
    EXPECT_EQ(back->applicant.name, "Công ty Ánh Dương");
    EXPECT_EQ(back->applicant.id_number, "4201234567");
    EXPECT_EQ(back->applicant.address, "Nha Trang");
    EXPECT_EQ(back->submitted_at, dossier.submitted_at);

    dossier.submitted_at.reset();
    EXPECT_FALSE(ParsePortalDossierJson(PortalDossierJson(dossier))->submitted_at.has_value());
    EXPECT_FALSE(ParsePortalDossierJson("[1]").has_value());
    EXPECT_FALSE(ParsePortalDossierJson(R"({"MaTTHC":"1"})").has_value());  // No national code.
    EXPECT_FALSE(ParsePortalDossierJson("{").has_value());
}

}  // namespace
}  // namespace motcua::services
