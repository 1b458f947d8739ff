#include "api/router.hpp"

#include <gtest/gtest.h>

namespace motcua::api {
namespace {

Response Named(const char* name) { return Response{200, "text/plain", name, {}}; }

Router MakeRouter() {
    return Router({
        {"GET", "/api/v1/procedures",
         [](const Request&, const PathParams&) { return Named("list"); }},
        {"GET", "/api/v1/procedures/{code}",
         [](const Request&, const PathParams&) { return Named("get"); }},
        {"POST", "/api/v1/procedures",
         [](const Request&, const PathParams&) { return Named("post"); }},
    });
}

TEST(Router, MatchesPlaceholdersAndCapturesThem) {
    const auto router = MakeRouter();
    const auto match = router.Match("GET", {"api", "v1", "procedures", "1.001193.000.00.00.H32"});
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.index, 1U);
    ASSERT_EQ(match.params.size(), 1U);
    EXPECT_EQ(match.params[0], "1.001193.000.00.00.H32");
}

TEST(Router, WrongMethodListsAllowedMethods) {
    const auto router = MakeRouter();
    const auto match = router.Match("DELETE", {"api", "v1", "procedures"});
    EXPECT_EQ(match.route, nullptr);
    EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "POST"}));
}

TEST(Router, UnknownPathHasNoRouteAndNoAllowedMethods) {
    const auto router = MakeRouter();
    const auto match = router.Match("GET", {"api", "v1", "nothing"});
    EXPECT_EQ(match.route, nullptr);
    EXPECT_TRUE(match.allowed_methods.empty());
    EXPECT_EQ(router.Match("GET", {"api", "v1", "procedures", ""}).route, nullptr);
}

TEST(Router, HeadIsServedByGet) {
    const auto router = MakeRouter();
    const auto match = router.Match("HEAD", {"api", "v1", "procedures"});
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.index, 0U);
}

}  // namespace
}  // namespace motcua::api
