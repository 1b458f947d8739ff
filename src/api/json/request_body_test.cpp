#include "api/json/request_body.hpp"

#include <gtest/gtest.h>

namespace motcua::api::json {
namespace {

Request JsonRequest(std::string body) {
    Request request;
    request.headers = {{"content-type", "application/json; charset=utf-8"}};
    request.body = std::move(body);
    return request;
}

TEST(RequestBody, ReadsAnObject) {
    const auto body = ParseJsonBody(JsonRequest(R"({"action": "pay", "amount": 8000})"));
    ASSERT_TRUE(body.HasValue()) << body.GetError().detail;
    EXPECT_EQ(RequiredString(body.Value(), "action").Value(), "pay");
    EXPECT_EQ(body.Value().at("amount"), 8000);
}

TEST(RequestBody, RefusesOtherTypesMalformedTextAndRepeatedKeys) {
    Request text = JsonRequest("{}");
    text.headers = {{"content-type", "text/plain"}};
    EXPECT_EQ(ParseJsonBody(text).GetError().code, "unsupported_media_type");
    EXPECT_EQ(ParseJsonBody(JsonRequest(R"({"a": )")).GetError().code, "invalid_json");
    EXPECT_EQ(ParseJsonBody(JsonRequest("[]")).GetError().code, "invalid_json");
    const auto repeated = ParseJsonBody(JsonRequest(R"({"action": "accept", "action": "x"})"));
    EXPECT_EQ(repeated.GetError().code, "duplicate_key");
    EXPECT_EQ(repeated.GetError().param, "action");
}

TEST(RequestBody, NullIsNotAbsentAndAChoiceIsNotEmpty) {
    const auto body = ParseJsonBody(JsonRequest(R"({"note": null, "session": "", "name": ""})"));
    ASSERT_TRUE(body.HasValue());
    EXPECT_EQ(OptionalString(body.Value(), "note").GetError().param, "note");
    EXPECT_EQ(OptionalString(body.Value(), "name").Value(), "");
    EXPECT_EQ(OptionalString(body.Value(), "absent").Value(), "");
    EXPECT_EQ(OptionalChoice(body.Value(), "session").GetError().param, "session");
    EXPECT_EQ(OptionalChoice(body.Value(), "absent").Value(), "");
}

// Found by fuzz/json_body_fuzz.cpp: 1e999 read as infinity, which Boost.JSON writes back as the
// bare word Infinity, so that a dossier action's stored payload no longer parsed.
TEST(RequestBody, RefusesANumberBeyondTheRangeOfADouble) {
    const auto body = ParseJsonBody(JsonRequest(R"({"action": "reuse", "extra": [1, -1e999]})"));
    ASSERT_FALSE(body.HasValue());
    EXPECT_EQ(body.GetError().code, "invalid_json");
    EXPECT_EQ(body.GetError().param, "extra[1]");
    EXPECT_TRUE(ParseJsonBody(JsonRequest(R"({"amount": 1.7976931348623157e308})")).HasValue());
}

}  // namespace
}  // namespace motcua::api::json
