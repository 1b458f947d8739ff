#include "services/documents/document_types.hpp"

#include <gtest/gtest.h>

namespace motcua::services {
namespace {

TEST(DocumentTypesTest, AResultValidForMonthsEndsOnTheCorrespondingDayOrTheMonthsLast) {
    // The marital status certificate holds 6 months from its issue (NĐ 123/2015/NĐ-CP Art. 23).
    EXPECT_EQ(ValidUntil("2026-12-07", 6), "2027-06-07");
    EXPECT_EQ(ValidUntil("2026-08-31", 6), "2027-02-28");  // No 31 February: its last day.
    EXPECT_EQ(ValidUntil("2027-08-31", 6), "2028-02-29");
    EXPECT_EQ(ValidUntil("2026-01-15", 12), "2027-01-15");
    EXPECT_EQ(ValidUntil("2026-12-07", 0), "");  // No end.
    EXPECT_EQ(ValidUntil("07/12/2026", 6), "");
    EXPECT_EQ(ValidUntil("2026-02-30", 6), "");
}

TEST(DocumentTypesTest, ADocumentIsValidThroughItsLastDayUnlessRevoked) {
    storage::StoredDocument document;
    document.valid_until = "2027-06-07";
    EXPECT_EQ(StateOn(document, "2027-06-07"), DocumentState::kValid);
    EXPECT_EQ(StateOn(document, "2027-06-08"), DocumentState::kExpired);
    document.valid_until.clear();
    EXPECT_EQ(StateOn(document, "2099-01-01"), DocumentState::kValid);
    document.revoked_at = "2026-12-08T01:00:00.000000Z";
    EXPECT_EQ(StateOn(document, "2026-12-08"), DocumentState::kRevoked);
    EXPECT_STREQ(DocumentStateName(DocumentState::kRevoked), "revoked");
}

TEST(DocumentTypesTest, AComponentAsksForTheResultOfTheProcedureTheCatalogueNamesElseItsPaper) {
    domain::Procedure birth;
    birth.national_code = "1.001193";
    domain::Component child{"TP3", "Giấy khai sinh của người con", "", 1, 0, true, "1.001193", ""};
    domain::Component identity{"TP4", "Giấy tờ tùy thân", "", 1, 0, true, "", ""};
    EXPECT_EQ(ComponentTypeKey(child), ResultTypeKey(birth));
    EXPECT_EQ(ComponentTypeKey(identity), "paper:Giấy tờ tùy thân");
    EXPECT_NE(ComponentTypeKey(identity), ResultTypeKey(birth));
}

}  // namespace
}  // namespace motcua::services
