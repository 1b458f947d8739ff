#include "common/text_lines.hpp"

#include <gtest/gtest.h>

namespace motcua {
namespace {

TEST(SplitLines, DropsLineEndsOfBothKinds) {
    EXPECT_EQ(SplitLines("a\nb\r\n\nc"), (std::vector<std::string_view>{"a", "b", "", "c"}));
    EXPECT_EQ(SplitLines("a\n"), (std::vector<std::string_view>{"a"}));
    EXPECT_TRUE(SplitLines("").empty());
}

}  // namespace
}  // namespace motcua
