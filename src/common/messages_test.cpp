#include "common/messages.hpp"

#include <gtest/gtest.h>

namespace motcua {
namespace {

TEST(MessageCatalog, RendersBothLanguagesWithParameter) {
    const auto catalog = MessageCatalog::Parse("# comment\nbad\tTham số {param} sai\n",
                                               "bad\tParameter {param} is invalid\r\n");
    const auto text = catalog.Render("bad", "limit");
    EXPECT_EQ(text.vi, "Tham số limit sai");
    EXPECT_EQ(text.en, "Parameter limit is invalid");
    EXPECT_TRUE(catalog.Has("bad"));
}

TEST(MessageCatalog, FallsBackToOtherLanguageThenToCode) {
    const auto catalog = MessageCatalog::Parse("only_vi\tChỉ tiếng Việt\n", "");
    EXPECT_EQ(catalog.Render("only_vi").en, "Chỉ tiếng Việt");
    EXPECT_FALSE(catalog.Has("only_vi"));
    EXPECT_EQ(catalog.Render("unknown").vi, "unknown");
}

}  // namespace
}  // namespace motcua
