#include "reporting/render/form_wording.hpp"

#include <gtest/gtest.h>

namespace motcua::reporting::render {
namespace {

TEST(FormWordingTest, TimesAreWrittenInHoursMinutesAndTheDate) {
    EXPECT_EQ(TimeInWords("2026-03-10T09:05:00+07:00"), "09 giờ 05 phút, ngày 10/03/2026");
    EXPECT_EQ(TimeInWords("2026-12-31T17:00:00+07:00"), "17 giờ 00 phút, ngày 31/12/2026");
    EXPECT_EQ(TimeInWords(""), "");
    EXPECT_EQ(TimeInWords("không rõ"), "không rõ");
    EXPECT_EQ(TimeInWords("2026-03-10"), "2026-03-10");
}

TEST(FormWordingTest, TableCellsTakeTheShortTime) {
    EXPECT_EQ(ShortTime("2026-03-12T17:00:00+07:00"), "17:00 12/03/2026");
    EXPECT_EQ(ShortTime(""), "");
}

TEST(FormWordingTest, TheDateLineSpellsDayMonthAndYear) {
    EXPECT_EQ(DateLine("2026-03-10T09:05:00+07:00"), "Ngày 10 tháng 03 năm 2026");
    EXPECT_EQ(DateLine(""), "");
    EXPECT_EQ(DateLine("2026-3-10T09:05"), "");
}

}  // namespace
}  // namespace motcua::reporting::render
