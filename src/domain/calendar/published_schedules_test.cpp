#include "domain/calendar/published_schedules.hpp"

#include <chrono>

#include <gtest/gtest.h>

#include "domain/calendar/holidays.hpp"

namespace motcua::domain::calendar {
namespace {

using std::chrono::sys_days;

sys_days D(int y, unsigned m, unsigned d) {
    return sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

TEST(PublishedSchedules, EveryEntryIsAWeekdayOffOrAWorkedWeekendExceptTheCancelledDefault) {
    const auto overrides = PublishedOverrides();
    ASSERT_EQ(overrides.size(), 25u);
    for (std::size_t i = 0; i < overrides.size(); ++i) {
        const DayOverride& day = overrides[i];
        if (i > 0) {
            EXPECT_LT(overrides[i - 1].date, day.date);
        }
        EXPECT_FALSE(day.reason_vi.empty());
        EXPECT_FALSE(day.reason_en.empty());
        EXPECT_EQ(day.source.front(), '[');
        if (day.date == D(2026, 9, 3)) {
            EXPECT_TRUE(day.working);  // Cancels the default adjacent day of Quốc khánh.
            continue;
        }
        EXPECT_EQ(day.working, IsWeekend(day.date));
    }
}

TEST(PublishedSchedules, WorkedSaturdaysAreTheTwoMakeUpDays) {
    std::vector<sys_days> worked_weekends;
    for (const DayOverride& day : PublishedOverrides()) {
        if (day.working && IsWeekend(day.date)) {
            worked_weekends.push_back(day.date);
        }
    }
    EXPECT_EQ(worked_weekends, (std::vector<sys_days>{D(2025, 4, 26), D(2026, 8, 22)}));
}

TEST(PublishedSchedules, SourcesNameTheDomainKeys) {
    for (const DayOverride& day : PublishedOverrides()) {
        if (day.date == D(2025, 5, 2)) {
            EXPECT_EQ(day.source, "[LVN-2025], [VNPLUS-2025]");
        }
        if (day.date == D(2026, 8, 31)) {
            EXPECT_EQ(day.source, "[KIENTHUC-2026]");
        }
        if (day.date == D(2026, 1, 2)) {
            EXPECT_EQ(day.source, "[TCQH-2026]");
        }
    }
}

}  // namespace
}  // namespace motcua::domain::calendar
