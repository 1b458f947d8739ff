#include "interchange/number_range.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace motcua::interchange {
namespace {

std::optional<std::string> Find(std::string_view text) {
    return FindNumberOutOfRange(boost::json::parse(text));
}

TEST(NumberRange, NamesThePathOfAnInfiniteNumber) {
    EXPECT_EQ(Find(R"({"a": {"b": [1, 2, 1e999]}})"), "a.b[2]");
    EXPECT_EQ(Find(R"([{"x": -1E400}])"), "[0].x");
    EXPECT_EQ(Find("1e999"), "$");
    EXPECT_EQ(Find(R"({"first": 1e999, "second": -1e999})"), "first");
}

TEST(NumberRange, AcceptsEveryFiniteNumber) {
    EXPECT_EQ(Find(R"({"max": 1.7976931348623157e308, "tiny": 1e-999, "big": 1e308})"),
              std::nullopt);
    EXPECT_EQ(Find(R"([18446744073709551615, -9223372036854775808, 184467440737095516160])"),
              std::nullopt);
    EXPECT_EQ(Find(R"({"text": "1e999", "none": null, "empty": {}})"), std::nullopt);
}

}  // namespace
}  // namespace motcua::interchange
