#include "interchange/duplicate_keys.hpp"

#include <gtest/gtest.h>

namespace motcua::interchange {
namespace {

TEST(DuplicateKeys, FindsTheRepeatedKeyOfOneObject) {
    EXPECT_EQ(FindDuplicateKey(R"({"action":"accept","action":"refuse"})"), "action");
    EXPECT_EQ(FindDuplicateKey(R"({"a":{"b":1,"c":[{"d":1},{"d":2,"d":3}]}})"), "d");
    EXPECT_EQ(FindDuplicateKey(R"({"a":1,"\u0061":2})"), "a");  // The same key, escaped.
}

TEST(DuplicateKeys, AllowsTheSameKeyInDifferentObjectsAndInValues) {
    EXPECT_EQ(FindDuplicateKey(R"({"a":{"a":1},"b":{"a":2}})"), std::nullopt);
    EXPECT_EQ(FindDuplicateKey(R"([{"a":1},{"a":2}])"), std::nullopt);
    EXPECT_EQ(FindDuplicateKey(R"({"a":"a","b":"a, \"a\": {"})"), std::nullopt);
    EXPECT_EQ(FindDuplicateKey(R"({"a\\":1,"a":2})"), std::nullopt);
    EXPECT_EQ(FindDuplicateKey(R"({})"), std::nullopt);
    EXPECT_EQ(FindDuplicateKey(R"("text")"), std::nullopt);
}

}  // namespace
}  // namespace motcua::interchange
