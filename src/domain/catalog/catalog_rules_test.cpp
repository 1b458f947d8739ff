#include "domain/catalog/catalog_rules.hpp"

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

bool Always(std::string_view /*code*/) { return true; }
bool Never(std::string_view /*code*/) { return false; }

Procedure ValidProcedure() {
    Procedure procedure;
    procedure.code = "1.001193.000.00.00.H32";
    procedure.national_code = "1.001193";
    procedure.name_vi = "Đăng ký khai sinh";
    procedure.field_code = "civil_status";
    procedure.level = ProcedureLevel::kCommune;
    procedure.processing_time = {1, TimeUnit::kWorkingDays, 15 * 60};
    procedure.steps = {{"Tiếp nhận", "", StepRole::kClerk, "", 10},
                       {"Xử lý", "", StepRole::kSpecialist, "", 90}};
    procedure.applicant_kinds = {"citizen"};
    procedure.effective_from = "2025-07-01";
    return procedure;
}

TEST(CatalogRules, AgencyCodesFollowTheElectronicIdentifierPattern) {
    EXPECT_TRUE(IsValidAgencyCode("H32"));
    EXPECT_TRUE(IsValidAgencyCode("H32.22333.01"));
    EXPECT_TRUE(IsValidAgencyCode("000.00.53.H48"));
    EXPECT_FALSE(IsValidAgencyCode(""));
    EXPECT_FALSE(IsValidAgencyCode("h32"));
    EXPECT_FALSE(IsValidAgencyCode("H32..01"));
    EXPECT_FALSE(IsValidAgencyCode(".H32"));
    EXPECT_FALSE(IsValidAgencyCode("H32."));
    EXPECT_FALSE(IsValidAgencyCode("H32/01"));
    EXPECT_FALSE(IsValidAgencyCode(std::string(36, 'A')));
    EXPECT_TRUE(IsValidAgencyCode(std::string(35, 'A')));
}

TEST(CatalogRules, NationalCodeIsDigitDotSixDigits) {
    EXPECT_TRUE(IsValidNationalCode("1.001193"));
    EXPECT_FALSE(IsValidNationalCode("1.00119"));
    EXPECT_FALSE(IsValidNationalCode("1.0011934"));
    EXPECT_FALSE(IsValidNationalCode("11001193"));
    EXPECT_FALSE(IsValidNationalCode("A.001193"));
}

TEST(CatalogRules, IsoDatesMustExist) {
    EXPECT_TRUE(IsValidIsoDate("2024-02-29"));
    EXPECT_FALSE(IsValidIsoDate("2025-02-29"));
    EXPECT_FALSE(IsValidIsoDate("2025-13-01"));
    EXPECT_FALSE(IsValidIsoDate("2025-1-01"));
}

TEST(CatalogRules, ValidProcedurePasses) {
    EXPECT_TRUE(ValidateProcedure(ValidProcedure(), Always, Always).HasValue());
}

TEST(CatalogRules, StepSharesMustSumToHundred) {
    auto procedure = ValidProcedure();
    procedure.steps[1].share_percent = 80;
    const auto outcome = ValidateProcedure(procedure, Always, Always);
    ASSERT_FALSE(outcome.HasValue());
    EXPECT_EQ(outcome.GetError().param, "steps.share_percent");
}

TEST(CatalogRules, UnknownFieldAndAgencyAreRejected) {
    EXPECT_EQ(ValidateProcedure(ValidProcedure(), Never, Always).GetError().param, "field");
    auto procedure = ValidProcedure();
    procedure.level = ProcedureLevel::kProvince;
    EXPECT_EQ(ValidateProcedure(procedure, Always, Always).GetError().param, "competent_agency");
    procedure.competent_agency = "H32.02";
    EXPECT_EQ(ValidateProcedure(procedure, Always, Never).GetError().param, "competent_agency");
}

TEST(CatalogRules, AgencyTreeRejectsDuplicatesUnknownParentsAndCycles) {
    Agency province{.code = "H32",
                    .name_vi = "UBND tỉnh",
                    .kind = AgencyKind::kProvince,
                    .valid_from = "2025-07-01"};
    Agency department{.code = "H32.02",
                      .name_vi = "Sở Tư pháp",
                      .parent_code = "H32",
                      .valid_from = "2025-07-01"};
    EXPECT_TRUE(ValidateAgencyTree({province, department}, Never).HasValue());
    EXPECT_FALSE(ValidateAgencyTree({province, province}, Never).HasValue());
    EXPECT_FALSE(ValidateAgencyTree({department}, Never).HasValue());
    EXPECT_TRUE(ValidateAgencyTree({department}, Always).HasValue());
    Agency a{.code = "A", .name_vi = "a", .parent_code = "B", .valid_from = "2025-07-01"};
    Agency b{.code = "B", .name_vi = "b", .parent_code = "A", .valid_from = "2025-07-01"};
    const auto cycle = ValidateAgencyTree({a, b}, Never);
    ASSERT_FALSE(cycle.HasValue());
    EXPECT_NE(cycle.GetError().detail.find("cycle"), std::string::npos);
}

TEST(CatalogRules, ProvinceHasNoParentAndOthersDo) {
    Agency province{.code = "H32",
                    .name_vi = "UBND tỉnh",
                    .kind = AgencyKind::kProvince,
                    .parent_code = "H00",
                    .valid_from = "2025-07-01"};
    EXPECT_EQ(ValidateAgency(province).GetError().param, "parent");
    Agency orphan{.code = "H32.02", .name_vi = "Sở", .valid_from = "2025-07-01"};
    EXPECT_EQ(ValidateAgency(orphan).GetError().param, "parent");
}

}  // namespace
}  // namespace motcua::domain
