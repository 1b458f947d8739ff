#include "connectors/http/kept_text.hpp"

#include <gtest/gtest.h>

namespace motcua::connectors {
namespace {

TEST(KeptTextTest, KeepsTextOnOneLineAndValid) {
    EXPECT_EQ(KeepText("a\nb\r\tc"), "a b  c");
    EXPECT_EQ(KeepText("ok \xff\xc3"), "ok ??");
    EXPECT_EQ(KeepText("\xed\xa0\x80"), "???");  // A UTF-16 surrogate is not UTF-8.
    EXPECT_EQ(KeepText("\xc0\xaf"), "??");       // An overlong '/'.
    EXPECT_EQ(KeepText("Hồ sơ", 2), "H");        // "ồ" takes three bytes: not cut in half.
    EXPECT_EQ(KeepText("Hồ sơ", 4), "Hồ");
    EXPECT_EQ(KeepText("", 10), "");
}

TEST(KeptTextTest, CutsAtTheDefaultBudget) {
    EXPECT_EQ(KeepText(std::string(kMaxKeptBytes + 10, 'x')).size(), kMaxKeptBytes);
}

}  // namespace
}  // namespace motcua::connectors
