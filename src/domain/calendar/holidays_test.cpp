#include "domain/calendar/holidays.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include <gtest/gtest.h>

namespace motcua::domain::calendar {
namespace {

using std::chrono::sys_days;

sys_days D(int y, unsigned m, unsigned d) {
    return sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

std::vector<sys_days> Dates(const std::vector<Holiday>& holidays) {
    std::vector<sys_days> out;
    out.reserve(holidays.size());
    for (const Holiday& holiday : holidays) {
        out.push_back(holiday.date);
    }
    return out;
}

std::vector<sys_days> DatesOf(const std::vector<Holiday>& holidays, Occasion occasion) {
    std::vector<sys_days> out;
    out.reserve(holidays.size());
    for (const Holiday& holiday : holidays) {
        if (holiday.occasion == occasion && !holiday.compensatory) {
            out.push_back(holiday.date);
        }
    }
    return out;
}

TEST(Holidays, ElevenStatutoryDaysIn2025WithReasonsAndSources) {
    const auto holidays = StatutoryHolidays(2025);
    ASSERT_EQ(holidays.size(), 11u);
    EXPECT_EQ(Dates(holidays),
              (std::vector<sys_days>{D(2025, 1, 1), D(2025, 1, 27), D(2025, 1, 28), D(2025, 1, 29),
                                     D(2025, 1, 30), D(2025, 1, 31), D(2025, 4, 7), D(2025, 4, 30),
                                     D(2025, 5, 1), D(2025, 9, 1), D(2025, 9, 2)}));
    for (const Holiday& holiday : holidays) {
        EXPECT_FALSE(holiday.reason_vi.empty());
        EXPECT_FALSE(holiday.reason_en.empty());
        EXPECT_EQ(holiday.source, "BLLĐ 2019 Điều 112");
        EXPECT_FALSE(holiday.compensatory);
    }
}

TEST(Holidays, DefaultTetWindowReproducesThe2025And2026Decisions) {
    // 2025: Tết Wed 29/01 ⇒ 2 days before + 3 after = Mon 27–Fri 31 (no weekend day).
    EXPECT_EQ(DatesOf(StatutoryHolidays(2025), Occasion::kLunarNewYear),
              (std::vector<sys_days>{D(2025, 1, 27), D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30),
                                     D(2025, 1, 31)}));
    // 2026: Tết Tue 17/02 ⇒ 1 day before + 4 after = Mon 16–Fri 20.
    EXPECT_EQ(DatesOf(StatutoryHolidays(2026), Occasion::kLunarNewYear),
              (std::vector<sys_days>{D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19),
                                     D(2026, 2, 20)}));
}

TEST(Holidays, TetTieGoesToTwoDaysBeforeAndChainsCompensatoryDays) {
    // 2024: Tết Sat 10/02; both windows hold 2 weekend days ⇒ Thu 08–Mon 12, then the Saturday
    // and Sunday give Tue 13 and Wed 14 (skipping Mon 12, already a holiday).
    const auto off = DefaultDaysOff(2024);
    EXPECT_EQ(DatesOf(off, Occasion::kLunarNewYear),
              (std::vector<sys_days>{D(2024, 2, 8), D(2024, 2, 9), D(2024, 2, 10), D(2024, 2, 11),
                                     D(2024, 2, 12)}));
    const auto compensatory = CompensatoryDays(StatutoryHolidays(2024));
    std::vector<sys_days> tet_compensatory;
    for (const Holiday& day : compensatory) {
        if (day.occasion == Occasion::kLunarNewYear) {
            tet_compensatory.push_back(day.date);
            EXPECT_TRUE(day.compensatory);
            EXPECT_EQ(day.source, "BLLĐ 2019 Điều 111 khoản 3");
        }
    }
    EXPECT_EQ(tet_compensatory, (std::vector<sys_days>{D(2024, 2, 13), D(2024, 2, 14)}));
}

TEST(Holidays, NationalDaySaturday2023GivesMondayOff) {
    // docs/domain.md §6.3: 02/9/2023 (Sat) ⇒ Mon 04/9/2023; default adjacent day is Fri 01/9.
    const auto off = Dates(DefaultDaysOff(2023));
    EXPECT_NE(std::find(off.begin(), off.end(), D(2023, 9, 1)), off.end());
    EXPECT_NE(std::find(off.begin(), off.end(), D(2023, 9, 4)), off.end());
    EXPECT_EQ(std::find(off.begin(), off.end(), D(2023, 9, 5)), off.end());
}

TEST(Holidays, VictoryAndLabourDayWeekend2022GiveMondayAndTuesdayOff) {
    // docs/domain.md §6.3: 30/4–1/5/2022 (Sat–Sun) ⇒ Mon 02/5 and Tue 03/5/2022. Also 1/1/2022
    // (Sat) ⇒ Mon 03/1 and Giỗ Tổ Sun 10/4 ⇒ Mon 11/4.
    std::vector<sys_days> compensatory = Dates(CompensatoryDays(StatutoryHolidays(2022)));
    EXPECT_EQ(compensatory,
              (std::vector<sys_days>{D(2022, 1, 3), D(2022, 4, 11), D(2022, 5, 2), D(2022, 5, 3)}));
}

TEST(Holidays, NationalDayAdjacentDayFollowsTheDefaultPolicy) {
    const auto adjacent = [](int year) {
        const auto days = DatesOf(StatutoryHolidays(year), Occasion::kNationalDay);
        EXPECT_EQ(days.size(), 2u);
        return days.front() == D(year, 9, 2) ? days.back() : days.front();
    };
    EXPECT_EQ(adjacent(2021), D(2021, 9, 3));  // Thu 2/9 ⇒ Fri 3/9.
    EXPECT_EQ(adjacent(2022), D(2022, 9, 1));  // Fri 2/9 ⇒ Thu 1/9 (3/9 is a Saturday).
    EXPECT_EQ(adjacent(2023), D(2023, 9, 1));  // Sat 2/9 ⇒ Fri 1/9.
    EXPECT_EQ(adjacent(2024), D(2024, 9, 3));  // Mon 2/9 ⇒ Tue 3/9 (1/9 is a Sunday).
    EXPECT_EQ(adjacent(2025), D(2025, 9, 1));  // Tue 2/9 ⇒ Mon 1/9 joins the weekend.
    EXPECT_EQ(adjacent(2026), D(2026, 9, 3));  // Wed 2/9 ⇒ 3/9 (the 2026 decision overrides).
    EXPECT_EQ(adjacent(2029), D(2029, 9, 3));  // Sun 2/9 ⇒ Mon 3/9.
}

TEST(Holidays, HungKingsDayIsTenthDayOfThirdLunarMonth) {
    EXPECT_EQ(DatesOf(StatutoryHolidays(2025), Occasion::kHungKings),
              (std::vector<sys_days>{D(2025, 4, 7)}));
    EXPECT_EQ(DatesOf(StatutoryHolidays(2026), Occasion::kHungKings),
              (std::vector<sys_days>{D(2026, 4, 26)}));
}

TEST(Holidays, LunarHolidaysAreOmittedOutsideTheSupportedRange) {
    EXPECT_EQ(StatutoryHolidays(2300).size(), 5u);  // 1/1, 30/4, 1/5, 2/9 + adjacent.
}

TEST(Holidays, WeekendIsSaturdayAndSunday) {
    EXPECT_TRUE(IsWeekend(D(2025, 4, 26)));
    EXPECT_TRUE(IsWeekend(D(2025, 4, 27)));
    EXPECT_FALSE(IsWeekend(D(2025, 4, 28)));
    EXPECT_FALSE(IsWeekend(D(2025, 5, 2)));
}

}  // namespace
}  // namespace motcua::domain::calendar
