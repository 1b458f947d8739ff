#include "interchange/catalog_json.hpp"

#include <gtest/gtest.h>

namespace motcua::interchange {
namespace {

constexpr const char* kProcedureFile = R"({
  "fields": [{"code": "civil_status", "name_vi": "Hộ tịch", "name_en": "Civil status"}],
  "procedures": [{
    "code": "1.001193.000.00.00.H32", "national_code": "1.001193",
    "name_vi": "Đăng ký khai sinh", "name_en": "Birth registration", "field": "civil_status",
    "level": "commune", "competent_agency": null, "receiving_agency": null,
    "online_level": "full",
    "processing_time": {"amount": 1, "unit": "working_days", "cutoff": "15:00"},
    "fees": [{"kind": "fee", "name_vi": "Lệ phí", "amount_vnd": 0}],
    "components": [{"code": "TK", "name_vi": "Tờ khai", "originals": 1, "copies": 0,
                    "required": true, "result_of_procedure": null}],
    "steps": [{"name_vi": "Tiếp nhận", "role": "clerk", "agency": null, "share_percent": 100}],
    "result": {"kind": "document", "name_vi": "Giấy khai sinh"},
    "applicant_kinds": ["citizen"], "legal_basis": ["Luật Hộ tịch 2014"],
    "version": 1, "effective_from": "2025-07-01",
    "publication_decision": "QĐ 123/QĐ-UBND"
  }]
})";

TEST(CatalogJson, ParsesProcedureFileAndKeepsUnknownFields) {
    const auto file = ParseProcedureFile(kProcedureFile);
    ASSERT_TRUE(file.HasValue()) << file.GetError().detail;
    ASSERT_EQ(file.Value().procedures.size(), 1U);
    const auto& procedure = file.Value().procedures[0];
    EXPECT_EQ(procedure.name_vi, "Đăng ký khai sinh");
    EXPECT_EQ(procedure.processing_time.cutoff_minutes, 15 * 60);
    EXPECT_EQ(procedure.online_level, domain::OnlineLevel::kFull);
    EXPECT_EQ(procedure.extra_json, R"({"publication_decision":"QĐ 123/QĐ-UBND"})");
}

TEST(CatalogJson, ProcedureRoundTripsThroughCanonicalDocument) {
    const auto file = ParseProcedureFile(kProcedureFile);
    ASSERT_TRUE(file.HasValue());
    const auto document = ProcedureToJson(file.Value().procedures[0]);
    EXPECT_EQ(document.at("extra").at("publication_decision"), "QĐ 123/QĐ-UBND");
    const auto again = ProcedureFromJson(document, "p");
    ASSERT_TRUE(again.HasValue()) << again.GetError().detail;
    EXPECT_EQ(boost::json::serialize(ProcedureToJson(again.Value())),
              boost::json::serialize(document));
}

TEST(CatalogJson, ErrorsNameThePathOfTheBadValue) {
    std::string text = kProcedureFile;
    text.replace(text.find("\"clerk\""), 7, "\"janitor\"");
    const auto file = ParseProcedureFile(text);
    ASSERT_FALSE(file.HasValue());
    EXPECT_EQ(file.GetError().param, "procedures[0].steps[0].role");

    const auto missing = ParseAgencyFile(R"({"agencies": [{"code": "H32"}]})");
    ASSERT_FALSE(missing.HasValue());
    EXPECT_EQ(missing.GetError().param, "agencies[0].name_vi");

    const auto wrong_type = ParseAgencyFile(R"({"agencies": [{"code": 32}]})");
    EXPECT_EQ(wrong_type.GetError().param, "agencies[0].code");
}

// A null stands for "none" only where the API document says the field is nullable (the
// kProcedureFile above has them); elsewhere it is refused rather than dropped, and so is "" for an
// enum or a clock time.
TEST(CatalogJson, NullOnlyWhereNullableAndNoEmptyChoices) {
    const auto refused = [](std::string_view from, std::string_view to) {
        std::string text = kProcedureFile;
        text.replace(text.find(from), from.size(), to);
        const auto file = ParseProcedureFile(text);
        return file.HasValue() ? std::string("accepted") : file.GetError().param;
    };
    EXPECT_EQ(refused(R"("name_en": "Birth registration")", R"("name_en": null)"),
              "procedures[0].name_en");
    EXPECT_EQ(refused(R"("unit": "working_days")", R"("unit": "")"),
              "procedures[0].processing_time.unit");
    EXPECT_EQ(refused(R"("cutoff": "15:00")", R"("cutoff": "")"),
              "procedures[0].processing_time.cutoff");
    EXPECT_EQ(refused(R"("cutoff": "15:00")", R"("cutoff": null)"), "accepted");
    EXPECT_EQ(refused(R"("kind": "document", "name_vi": "Giấy khai sinh")",
                      R"("kind": "document", "name_vi": "Giấy khai sinh", "name_en": null)"),
              "procedures[0].result.name_en");

    const auto agency = [](std::string_view fields) {
        const auto file = ParseAgencyFile(R"({"agencies": [{"code": "H32", "name_vi": "Tỉnh",
            "kind": "province", "valid_from": "2025-07-01", )" +
                                          std::string(fields) + "}]}");
        return file.HasValue() ? std::string("accepted") : file.GetError().param;
    };
    EXPECT_EQ(agency(R"("parent": null, "legacy_code": null, "valid_to": null)"), "accepted");
    EXPECT_EQ(agency(R"("history": null)"), "agencies[0].history");
    EXPECT_EQ(agency(R"("name_en": null)"), "agencies[0].name_en");
}

// Found by fuzz/catalog_import_fuzz.cpp: merging "extra" with the unknown fields read a
// destroyed temporary (AddressSanitizer: stack-use-after-scope).
TEST(CatalogJson, KeepsExtraAndUnknownFieldsTogether) {
    const auto agencies = ParseAgencyFile(R"({"agencies": [{"code": "H32", "name_vi": "Tỉnh",
        "kind": "province", "parent": null, "valid_from": "2025-07-01",
        "extra": {"tax_code": "4200000000"}, "website": "https://khanhhoa.gov.vn"}]})");
    ASSERT_TRUE(agencies.HasValue()) << agencies.GetError().detail;
    const auto extra = boost::json::parse(agencies.Value().at(0).extra_json);
    EXPECT_EQ(extra, boost::json::parse(R"({"tax_code": "4200000000",
                                            "website": "https://khanhhoa.gov.vn"})"));
}

// Found by fuzz/catalog_import_fuzz.cpp: 1e999 in an unknown field was kept as the text
// Infinity, which no longer parses (writing the stored document threw).
TEST(CatalogJson, RefusesANumberBeyondTheRangeOfADouble) {
    const std::string_view decision = R"("QĐ 123/QĐ-UBND")";
    std::string text = kProcedureFile;
    text.replace(text.find(decision), decision.size(), "1e999");
    const auto file = ParseProcedureFile(text);
    ASSERT_FALSE(file.HasValue());
    EXPECT_EQ(file.GetError().code, "invalid_import");
    EXPECT_EQ(file.GetError().param, "procedures[0].publication_decision");
}

TEST(CatalogJson, SyntaxErrorNamesTheLine) {
    const auto file = ParseAgencyFile("{\n  \"agencies\": [\n    {,}\n  ]\n}");
    ASSERT_FALSE(file.HasValue());
    EXPECT_EQ(file.GetError().param, "line 3");
    EXPECT_FALSE(ParseAgencyFile("[]").HasValue());
}

TEST(CatalogJson, ClockTimesAreStrict) {
    EXPECT_EQ(ParseClockTime("07:30"), 450);
    EXPECT_EQ(FormatClockTime(450), "07:30");
    EXPECT_FALSE(ParseClockTime("24:00"));
    EXPECT_FALSE(ParseClockTime("7:30"));
    EXPECT_FALSE(ParseClockTime("07:60"));
}

}  // namespace
}  // namespace motcua::interchange
