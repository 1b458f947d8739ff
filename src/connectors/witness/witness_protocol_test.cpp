#include "connectors/witness/witness_protocol.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace motcua::connectors {
namespace {

const std::string kHash(64, 'a');
const std::string kOtherHash(64, 'b');

TEST(WitnessProtocolTest, RecordBodyNamesTheSourceAndTheAnchor) {
    const auto body = boost::json::parse(
        WitnessRecordBody("motcua-h32", {.at = "2026-12-06T10:00:00Z", .seq = 812, .hash = kHash}));
    EXPECT_EQ(body, boost::json::parse(R"({"source": "motcua-h32", "seq": 812, "hash": ")" + kHash +
                                       R"(", "anchored_at": "2026-12-06T10:00:00Z"})"));
    EXPECT_EQ(boost::json::parse(WitnessListBody("motcua-h32", 7)),
              boost::json::parse(R"({"source": "motcua-h32", "after_seq": 7, "limit": 1000})"));
}

TEST(WitnessProtocolTest, RecordedAndHeldAreDelivered) {
    EXPECT_TRUE(ReadWitnessRecordAnswer(201, R"({"status": "recorded"})").delivered);
    EXPECT_TRUE(ReadWitnessRecordAnswer(200, R"({"status": "held"})").delivered);
}

TEST(WitnessProtocolTest, EverythingElseFailsWithAReason) {
    EXPECT_EQ(ReadWitnessRecordAnswer(200, "{not json").error, "malformed answer (HTTP 200)");
    EXPECT_EQ(ReadWitnessRecordAnswer(201, R"({"status": "held"})").error,
              "malformed answer (HTTP 201)");
    const auto conflict = ReadWitnessRecordAnswer(
        409, R"({"error": "conflict", "held_hash": ")" + kOtherHash + "\"}");
    EXPECT_FALSE(conflict.delivered);
    EXPECT_EQ(conflict.error,
              "conflict: the witness holds another hash for this row: " + kOtherHash);
    EXPECT_EQ(ReadWitnessRecordAnswer(401, "").error, "the witness refused the token (HTTP 401)");
    EXPECT_EQ(ReadWitnessRecordAnswer(503, R"({"message": "bảo trì\nđến 10h"})").error,
              "HTTP 503: bảo trì đến 10h");
}

TEST(WitnessProtocolTest, ReadsAPageOfAnchors) {
    const auto page = ReadWitnessPage(200,
                                      R"({"anchors": [{"seq": 3, "hash": ")" + kHash +
                                          R"(", "anchored_at": "t1"}, {"seq": 9, "hash": ")" +
                                          kOtherHash + R"(", "anchored_at": "t2"}], "more": true})",
                                      2);
    ASSERT_TRUE(page) << page.GetError().detail;
    ASSERT_EQ(page.Value().anchors.size(), 2U);
    EXPECT_EQ(page.Value().anchors[1].seq, 9);
    EXPECT_EQ(page.Value().anchors[1].hash, kOtherHash);
    EXPECT_EQ(page.Value().anchors[0].at, "t1");
    EXPECT_TRUE(page.Value().more);
}

TEST(WitnessProtocolTest, RefusesAPageThatCannotBeTrusted) {
    const auto anchor = [](int seq, const std::string& hash) {
        return R"({"seq": )" + std::to_string(seq) + R"(, "hash": ")" + hash +
               R"(", "anchored_at": "t"})";
    };
    const auto detail = [](const Outcome<WitnessPage>& page) {
        return page ? std::string("accepted") : page.GetError().detail;
    };
    EXPECT_EQ(detail(ReadWitnessPage(500, "{}", 0)), "list: HTTP 500");
    EXPECT_EQ(detail(ReadWitnessPage(200, R"({"anchors": []})", 0)), "list: malformed answer");
    EXPECT_EQ(detail(ReadWitnessPage(200, R"({"anchors": [], "more": true})", 0)),
              "list: an empty page that says more follow");
    // Not after the cursor, or not ascending: a witness that repeats itself could loop forever.
    EXPECT_EQ(detail(ReadWitnessPage(
                  200, R"({"anchors": [)" + anchor(5, kHash) + R"(], "more": false})", 5)),
              "list: an anchor without a seq above 5");
    EXPECT_EQ(detail(ReadWitnessPage(200,
                                     R"({"anchors": [)" + anchor(7, kHash) + "," +
                                         anchor(6, kHash) + R"(], "more": false})",
                                     0)),
              "list: an anchor without a seq above 7");
    EXPECT_EQ(detail(ReadWitnessPage(
                  200, R"({"anchors": [)" + anchor(1, "ABC") + R"(], "more": false})", 0)),
              "list: the anchor of row 1 has no hash or time");
}

}  // namespace
}  // namespace motcua::connectors
