#include "api/request_target.hpp"

#include <gtest/gtest.h>

namespace motcua::api {
namespace {

TEST(RequestTarget, DecodesSegmentsAndQuery) {
    const auto target =
        ParseRequestTarget("/api/v1/procedures?q=%C4%90%C4%83ng+k%C3%BD&limit=5&flag");
    ASSERT_TRUE(target.HasValue());
    EXPECT_EQ(target.Value().segments, (std::vector<std::string>{"api", "v1", "procedures"}));
    ASSERT_EQ(target.Value().query.size(), 3U);
    EXPECT_EQ(target.Value().query[0].second, "Đăng ký");
    EXPECT_EQ(target.Value().query[1], (std::pair<std::string, std::string>{"limit", "5"}));
    EXPECT_EQ(target.Value().query[2].second, "");
}

TEST(RequestTarget, PlusIsASpaceButAnEncodedPlusIsAPlus) {
    const auto target = ParseRequestTarget("/x?q=C%2B%2B+code&to=2030-01-01T00:00:00%2B07:00");
    ASSERT_TRUE(target.HasValue());
    EXPECT_EQ(target.Value().query[0].second, "C++ code");
    EXPECT_EQ(target.Value().query[1].second, "2030-01-01T00:00:00+07:00");
}

TEST(RequestTarget, KeepsEncodedSlashInsideOneSegment) {
    const auto target = ParseRequestTarget("/assets/..%2F..%2Fetc%2Fpasswd");
    ASSERT_TRUE(target.HasValue());
    ASSERT_EQ(target.Value().segments.size(), 2U);
    EXPECT_EQ(target.Value().segments[1], "../../etc/passwd");
}

TEST(RequestTarget, RejectsMalformedTargets) {
    EXPECT_FALSE(ParseRequestTarget("no-leading-slash").HasValue());
    EXPECT_FALSE(ParseRequestTarget("/bad%zzescape").HasValue());
    EXPECT_FALSE(ParseRequestTarget("").HasValue());
}

TEST(RequestTarget, TextThatIsNotUtf8IsRefused) {
    // The decoded text reaches the database (PostgreSQL refuses such bytes: a 503 before).
    for (const char* target : {"/api/v1/accounts?login_prefix=%FF", "/x?q=%C0%AF", "/x?q=%ED%A0%80",
                               "/api/v1/procedures/%E2%82", "/x?%FE=1"}) {
        const auto parsed = ParseRequestTarget(target);
        ASSERT_FALSE(parsed.HasValue()) << target;
        EXPECT_EQ(parsed.GetError().code, "bad_request");
    }
    EXPECT_TRUE(ParseRequestTarget("/x?q=%E1%BA%A1").HasValue());  // ạ
}

}  // namespace
}  // namespace motcua::api
