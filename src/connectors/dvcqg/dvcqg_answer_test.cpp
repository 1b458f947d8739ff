#include "connectors/dvcqg/dvcqg_answer.hpp"

#include <gtest/gtest.h>

namespace motcua::connectors {
namespace {

TEST(DvcqgAnswerTest, ReadsTheKnownCodes) {
    const auto ok = ParseDvcqgAnswer(R"({"error_code": "0", "message": "thành công"})");
    EXPECT_EQ(ok.kind, DvcqgAnswerKind::kOk);
    EXPECT_EQ(ok.error_code, "0");
    EXPECT_EQ(ok.message, "thành công");
    EXPECT_EQ(ParseDvcqgAnswer(R"({"error_code": "-1", "message": "Hồ sơ đã tồn tại"})").kind,
              DvcqgAnswerKind::kExists);
    EXPECT_EQ(ParseDvcqgAnswer(R"({"error_code": "-2", "message": "Hồ sơ không tồn tại"})").kind,
              DvcqgAnswerKind::kUnknownDossier);
    EXPECT_EQ(ParseDvcqgAnswer(R"({"error_code": "-9", "message": "Phiên làm việc hết hạn"})").kind,
              DvcqgAnswerKind::kSessionExpired);
    const auto refused =
        ParseDvcqgAnswer(R"({"error_code": "401", "message": "Sai tên đăng nhập hoặc mật khẩu"})");
    EXPECT_EQ(refused.kind, DvcqgAnswerKind::kError);
    EXPECT_EQ(refused.error_code, "401");
    EXPECT_EQ(DescribeDvcqgAnswer(refused), "error_code 401: Sai tên đăng nhập hoặc mật khẩu");
}

TEST(DvcqgAnswerTest, ReadsTheSessionOfASignIn) {
    const auto answer = ParseDvcqgAnswer(
        R"({"error_code": "0", "message": "thành công", "session": "abc.def", "expires_in": 3600})");
    EXPECT_EQ(answer.kind, DvcqgAnswerKind::kOk);
    EXPECT_EQ(answer.session, "abc.def");
    EXPECT_EQ(ParseDvcqgAnswer(R"({"error_code": "0", "session": 12})").session, "");
    const std::string huge =
        R"({"error_code": "0", "session": ")" + std::string(20000, 'x') + R"("})";
    EXPECT_EQ(ParseDvcqgAnswer(huge).session, "");  // Refused, never cut.
}

TEST(DvcqgAnswerTest, TreatsHostileBodiesAsErrors) {
    for (const char* body : {"",
                             "   ",
                             "not json",
                             "{",
                             R"({"error_code": "0")",
                             "null",
                             "0",
                             "\"0\"",
                             "[]",
                             R"([{"error_code": "0"}])",
                             "{}",
                             R"({"message": "thành công"})",
                             R"({"error_code": 0})",
                             R"({"error_code": null})",
                             R"({"error_code": true})",
                             R"({"error_code": ["0"]})",
                             R"({"error_code": {"value": "0"}})",
                             R"({"error_code": "0" /* comment */})",
                             "\xff\xfe{}",
                             R"({"error_code": "\u0000"})"}) {
        const auto answer = ParseDvcqgAnswer(body);
        EXPECT_EQ(answer.kind, DvcqgAnswerKind::kError) << body;
        EXPECT_FALSE(DescribeDvcqgAnswer(answer).empty()) << body;
    }
}

TEST(DvcqgAnswerTest, SurvivesDeepNesting) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_EQ(ParseDvcqgAnswer(deep).kind, DvcqgAnswerKind::kError);
    const std::string deep_message = R"({"error_code": "0", "message": )" + std::string(5000, '[') +
                                     std::string(5000, ']') + "}";
    EXPECT_EQ(ParseDvcqgAnswer(deep_message).kind, DvcqgAnswerKind::kError);
}

TEST(DvcqgAnswerTest, CutsHugeTexts) {
    std::string vietnamese;
    while (vietnamese.size() < 100000) {
        vietnamese += "Hồ sơ không tồn tại. ";
    }
    const auto answer = ParseDvcqgAnswer(R"({"error_code": ")" + std::string(50000, '7') +
                                         R"(", "message": ")" + vietnamese + R"("})");
    EXPECT_EQ(answer.kind, DvcqgAnswerKind::kError);
    EXPECT_LE(answer.error_code.size(), kDvcqgMaxKeptBytes);
    EXPECT_LE(answer.message.size(), kDvcqgMaxKeptBytes);
    EXPECT_GT(answer.message.size(), kDvcqgMaxKeptBytes - 4);
    EXPECT_LE(DescribeDvcqgAnswer(answer).size(), kDvcqgMaxKeptBytes);
    // Cut on a character boundary: the kept text is still valid UTF-8.
    EXPECT_EQ(KeepText(answer.message), answer.message);
}

TEST(DvcqgAnswerTest, ReadsScalarsAsText) {
    const auto document =
        ParseDvcqgJson(R"({"s": "x", "i": -3, "u": 18446744073709551615, "d": 2.5, "b": true})");
    ASSERT_TRUE(document);
    const auto& object = document->as_object();
    EXPECT_EQ(TextOf(object.if_contains("s")), "x");
    EXPECT_EQ(TextOf(object.if_contains("i")), "-3");
    EXPECT_EQ(TextOf(object.if_contains("u")), "18446744073709551615");
    EXPECT_EQ(TextOf(object.if_contains("d")), "2.5");
    EXPECT_EQ(TextOf(object.if_contains("b")), "");
    EXPECT_EQ(TextOf(object.if_contains("missing")), "");
}

}  // namespace
}  // namespace motcua::connectors
