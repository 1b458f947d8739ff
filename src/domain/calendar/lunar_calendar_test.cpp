#include "domain/calendar/lunar_calendar.hpp"

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace motcua::domain::calendar {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

struct LunarRow {
    int year = 0;
    year_month_day tet;
    year_month_day eve;
    year_month_day hung_kings;
};

year_month_day ParseDate(const std::string& text) {
    return year_month_day{std::chrono::year{std::stoi(text.substr(0, 4))},
                          std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                          std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
}

// Reads tests/fixtures/calendar/vn_lunar_holidays_1970_2100.csv (see the README beside it).
std::vector<LunarRow> ReadFixture() {
    std::ifstream in(std::string(MOTCUA_FIXTURES_DIR) +
                     "/calendar/vn_lunar_holidays_1970_2100.csv");
    std::vector<LunarRow> rows;
    std::string line;
    std::getline(in, line);  // Header.
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream stream(line);
        for (std::string cell; std::getline(stream, cell, ',');) {
            cells.push_back(cell);
        }
        if (cells.size() >= 4) {
            rows.push_back({std::stoi(cells[0]), ParseDate(cells[1]), ParseDate(cells[2]),
                            ParseDate(cells[3])});
        }
    }
    return rows;
}

year_month_day Ymd(int y, unsigned m, unsigned d) {
    return year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(LunarCalendar, FixtureCoversEveryYearFrom1970To2100) {
    const auto rows = ReadFixture();
    ASSERT_EQ(rows.size(), 131u);
    EXPECT_EQ(rows.front().year, 1970);
    EXPECT_EQ(rows.back().year, 2100);
}

TEST(LunarCalendar, LunarNewYearMatchesEveryFixtureRow) {
    for (const auto& row : ReadFixture()) {
        EXPECT_EQ(LunarNewYear(row.year), row.tet) << "Tết " << row.year;
    }
}

TEST(LunarCalendar, TetIsLunarFirstDayOfFirstMonthBothWays) {
    for (const auto& row : ReadFixture()) {
        EXPECT_EQ(ToLunar(row.tet), (LunarDate{row.year, 1, 1, false})) << row.year;
        const auto back = FromLunar(row.year, 1, 1, false);
        ASSERT_TRUE(back.HasValue()) << row.year;
        EXPECT_EQ(back.Value(), row.tet) << row.year;
    }
}

TEST(LunarCalendar, NewYearsEveIsTheLastDayOfThePreviousLunarYear) {
    for (const auto& row : ReadFixture()) {
        const LunarDate eve = ToLunar(row.eve);
        EXPECT_EQ(eve.year, row.year - 1) << row.year;
        EXPECT_EQ(eve.month, 12) << row.year;
        EXPECT_FALSE(eve.leap) << row.year;
        EXPECT_TRUE(eve.day == 29 || eve.day == 30) << row.year;
        const auto back = FromLunar(row.year - 1, 12, eve.day, false);
        ASSERT_TRUE(back.HasValue()) << row.year;
        EXPECT_EQ(back.Value(), row.eve) << row.year;
    }
}

TEST(LunarCalendar, HungKingsDayIsTenthDayOfThirdMonthForEveryFixtureRow) {
    for (const auto& row : ReadFixture()) {
        const auto computed = FromLunar(row.year, 3, 10, false);
        ASSERT_TRUE(computed.HasValue()) << row.year;
        EXPECT_EQ(computed.Value(), row.hung_kings) << "Giỗ Tổ " << row.year;
        EXPECT_EQ(ToLunar(row.hung_kings), (LunarDate{row.year, 3, 10, false})) << row.year;
    }
}

TEST(LunarCalendar, VietnameseNewYearDiffersFromChineseIn1985And2007) {
    // Computed at UTC+7 the new moon falls a day (1985: a month) apart from the UTC+8 calendar.
    EXPECT_EQ(LunarNewYear(1985), Ymd(1985, 1, 21));  // China: 1985-02-20.
    EXPECT_EQ(LunarNewYear(2007), Ymd(2007, 2, 17));  // China: 2007-02-18.
}

TEST(LunarCalendar, KnownLeapMonths) {
    // 2023 had a leap 2nd month (tháng 2 nhuận from 2023-03-22); 2020 a leap 4th month.
    EXPECT_EQ(ToLunar(Ymd(2023, 3, 22)), (LunarDate{2023, 2, 1, true}));
    EXPECT_EQ(ToLunar(Ymd(2023, 4, 20)), (LunarDate{2023, 3, 1, false}));
    EXPECT_EQ(ToLunar(Ymd(2020, 5, 23)), (LunarDate{2020, 4, 1, true}));
    const auto leap = FromLunar(2023, 2, 1, true);
    ASSERT_TRUE(leap.HasValue());
    EXPECT_EQ(leap.Value(), Ymd(2023, 3, 22));
}

TEST(LunarCalendar, RoundTripsEveryDayFrom2020To2030) {
    for (sys_days day{Ymd(2020, 1, 1)}; day <= sys_days{Ymd(2030, 12, 31)}; day += days{1}) {
        const LunarDate lunar = ToLunar(year_month_day{day});
        const auto back = FromLunar(lunar.year, lunar.month, lunar.day, lunar.leap);
        ASSERT_TRUE(back.HasValue());
        EXPECT_EQ(sys_days{back.Value()}, day);
    }
}

TEST(LunarCalendar, RejectsMissingLeapMonthsShortMonthsAndOutOfRangeYears) {
    EXPECT_FALSE(FromLunar(2025, 2, 1, true).HasValue());  // 2025 leaps month 6, not 2.
    EXPECT_TRUE(FromLunar(2025, 6, 1, true).HasValue());
    EXPECT_FALSE(FromLunar(2025, 13, 1, false).HasValue());
    EXPECT_FALSE(FromLunar(2025, 1, 0, false).HasValue());
    EXPECT_FALSE(FromLunar(1899, 1, 1, false).HasValue());
    EXPECT_FALSE(FromLunar(2200, 1, 1, false).HasValue());
    // Exactly one of day 30 of the two halves of a 29/30 pair exists: month 12 of Giáp Thìn 2024
    // had 29 days (Tết Ất Tỵ 2025-01-29, month start 2024-12-31).
    const auto day30 = FromLunar(2024, 12, 30, false);
    ASSERT_FALSE(day30.HasValue());
    EXPECT_EQ(day30.GetError().code, "invalid_lunar_date");
}

}  // namespace
}  // namespace motcua::domain::calendar
