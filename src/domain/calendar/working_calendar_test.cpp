#include "domain/calendar/working_calendar.hpp"

#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "domain/calendar/published_schedules.hpp"

namespace motcua::domain::calendar {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

sys_days D(int y, unsigned m, unsigned d) {
    return sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

const WorkingCalendar& Calendar() {
    static const WorkingCalendar calendar = DefaultWorkingCalendar();
    return calendar;
}

WorkingCalendar WithoutDecisions(int first, int last) {
    auto calendar = WorkingCalendar::Create(first, last, {});
    EXPECT_TRUE(calendar.HasValue());
    return std::move(calendar).Value();
}

TEST(WorkingCalendar, OrdinaryWeekIsMondayToFriday) {
    EXPECT_TRUE(Calendar().IsWorkingDay(D(2025, 3, 3)));   // Mon.
    EXPECT_TRUE(Calendar().IsWorkingDay(D(2025, 3, 7)));   // Fri.
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2025, 3, 8)));  // Sat.
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2025, 3, 9)));  // Sun.
}

TEST(WorkingCalendar, PublishedSwapsOf2025AndMakeUpSaturday) {
    EXPECT_TRUE(Calendar().IsWorkingDay(D(2025, 4, 26)));  // Sat worked for Fri 02/05.
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2025, 5, 2)));  // Fri off.
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2025, 4, 30)));
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2025, 5, 1)));
    EXPECT_TRUE(Calendar().IsWorkingDay(D(2025, 5, 5)));
    for (sys_days day = D(2025, 1, 25); day <= D(2025, 2, 2); day += days{1}) {
        EXPECT_FALSE(Calendar().IsWorkingDay(day)) << "Tết 2025";
    }
    EXPECT_TRUE(Calendar().IsWorkingDay(D(2025, 1, 24)));
    EXPECT_TRUE(Calendar().IsWorkingDay(D(2025, 2, 3)));
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2025, 9, 1)));
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2025, 9, 2)));
    EXPECT_TRUE(Calendar().IsWorkingDay(D(2025, 9, 3)));
}

TEST(WorkingCalendar, PublishedSwapsOf2026AndMakeUpSaturday) {
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2026, 1, 2)));  // Fri off, make-up NOT FOUND.
    EXPECT_TRUE(Calendar().IsWorkingDay(D(2026, 1, 5)));
    for (sys_days day = D(2026, 2, 14); day <= D(2026, 2, 22); day += days{1}) {
        EXPECT_FALSE(Calendar().IsWorkingDay(day)) << "Tết 2026";
    }
    EXPECT_TRUE(Calendar().IsWorkingDay(D(2026, 2, 23)));
    EXPECT_TRUE(Calendar().IsWorkingDay(D(2026, 8, 22)));  // Sat worked for Mon 31/08.
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2026, 8, 31)));
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2026, 9, 1)));
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2026, 9, 2)));
    EXPECT_TRUE(Calendar().IsWorkingDay(D(2026, 9, 3)));  // Decision moved the adjacent day.
}

TEST(WorkingCalendar, NotFoundOccasionsOf2026UseTheDefaults) {
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2026, 4, 27)));  // Giỗ Tổ Sun 26/04 ⇒ Mon off.
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2026, 4, 30)));
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2026, 5, 1)));
    EXPECT_TRUE(Calendar().IsWorkingDay(D(2026, 4, 28)));
}

TEST(WorkingCalendar, WithoutDecisionsTheDefaultNationalDayOf2026IsTheThird) {
    const WorkingCalendar calendar = WithoutDecisions(2026, 2026);
    EXPECT_TRUE(calendar.IsWorkingDay(D(2026, 8, 31)));
    EXPECT_TRUE(calendar.IsWorkingDay(D(2026, 9, 1)));
    EXPECT_FALSE(calendar.IsWorkingDay(D(2026, 9, 3)));
    EXPECT_FALSE(calendar.IsWorkingDay(D(2026, 8, 22)));
}

TEST(WorkingCalendar, CompensatoryDaysOfArticle111) {
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2023, 9, 4)));  // 02/9/2023 was a Saturday.
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2022, 5, 2)));  // 30/4–1/5/2022 Sat–Sun.
    EXPECT_FALSE(Calendar().IsWorkingDay(D(2022, 5, 3)));
    EXPECT_TRUE(Calendar().IsWorkingDay(D(2022, 5, 4)));
}

TEST(WorkingCalendar, NextWorkingDayIsStrictlyAfter) {
    EXPECT_EQ(Calendar().NextWorkingDay(D(2025, 3, 3)), D(2025, 3, 4));
    EXPECT_EQ(Calendar().NextWorkingDay(D(2025, 1, 24)), D(2025, 2, 3));
    EXPECT_EQ(Calendar().NextWorkingDay(D(2025, 4, 25)), D(2025, 4, 26));  // Make-up Saturday.
    EXPECT_EQ(Calendar().PreviousWorkingDay(D(2025, 2, 3)), D(2025, 1, 24));
}

TEST(WorkingCalendar, AddWorkingDaysSkipsTetHolidays) {
    EXPECT_EQ(Calendar().AddWorkingDays(D(2025, 1, 24), 5), D(2025, 2, 7));
    EXPECT_EQ(Calendar().AddWorkingDays(D(2026, 2, 13), 1), D(2026, 2, 23));
    EXPECT_EQ(Calendar().AddWorkingDays(D(2025, 2, 7), -5), D(2025, 1, 24));
    EXPECT_EQ(Calendar().AddWorkingDays(D(2025, 3, 8), 0), D(2025, 3, 8));
}

TEST(WorkingCalendar, AddWorkingDaysCrossesMonthAndYearEnds) {
    EXPECT_EQ(Calendar().AddWorkingDays(D(2025, 10, 31), 1), D(2025, 11, 3));
    EXPECT_EQ(Calendar().AddWorkingDays(D(2025, 12, 31), 1), D(2026, 1, 5));  // 1–4/01 off.
    EXPECT_EQ(Calendar().AddWorkingDays(D(2100, 12, 31), 1), D(2101, 1, 4));  // Sat 1/1 ⇒ Mon off.
}

TEST(WorkingCalendar, ExceptionsOf2025ListEveryChangedDayWithItsSource) {
    const auto exceptions = Calendar().ExceptionsIn(2025);
    const std::vector<sys_days> expected = {
        D(2025, 1, 1),  D(2025, 1, 27), D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30),
        D(2025, 1, 31), D(2025, 4, 7),  D(2025, 4, 26), D(2025, 4, 30), D(2025, 5, 1),
        D(2025, 5, 2),  D(2025, 9, 1),  D(2025, 9, 2)};
    ASSERT_EQ(exceptions.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(exceptions[i].date, expected[i]);
        EXPECT_EQ(exceptions[i].working, expected[i] == D(2025, 4, 26));
        EXPECT_FALSE(exceptions[i].reason_vi.empty());
        EXPECT_FALSE(exceptions[i].reason_en.empty());
        EXPECT_EQ(exceptions[i].source.front(), '[');
    }
}

TEST(WorkingCalendar, ExceptionsOf2026MixDecisionsAndDefaults) {
    const auto exceptions = Calendar().ExceptionsIn(2026);
    std::vector<sys_days> dates;
    dates.reserve(exceptions.size());
    for (const CalendarDay& day : exceptions) {
        dates.push_back(day.date);
    }
    EXPECT_EQ(dates,
              (std::vector<sys_days>{D(2026, 1, 1), D(2026, 1, 2), D(2026, 2, 16), D(2026, 2, 17),
                                     D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20), D(2026, 4, 27),
                                     D(2026, 4, 30), D(2026, 5, 1), D(2026, 8, 22), D(2026, 8, 31),
                                     D(2026, 9, 1), D(2026, 9, 2)}));
    EXPECT_EQ(exceptions[7].source, "BLLĐ 2019 Điều 111 khoản 3");
    EXPECT_EQ(exceptions[8].source, "BLLĐ 2019 Điều 112");
    EXPECT_TRUE(exceptions[10].working);
}

TEST(WorkingCalendar, YearsOutsideTheTableFollowTheSameRules) {
    const WorkingCalendar small = WithoutDecisions(2000, 2001);
    const WorkingCalendar wide = WithoutDecisions(1970, 2100);
    for (sys_days day = D(2024, 1, 1); day <= D(2024, 12, 31); day += days{1}) {
        EXPECT_EQ(small.IsWorkingDay(day), wide.IsWorkingDay(day));
    }
    EXPECT_EQ(small.ExceptionsIn(2024).size(), wide.ExceptionsIn(2024).size());
    EXPECT_FALSE(small.IsWorkingDay(D(2024, 2, 14)));  // Tết 2024 compensatory day.
}

TEST(WorkingCalendar, RejectsBadRangesAndDuplicateOverrides) {
    EXPECT_FALSE(WorkingCalendar::Create(2026, 2025, {}).HasValue());
    EXPECT_FALSE(WorkingCalendar::Create(1800, 2025, {}).HasValue());
    const DayOverride day{D(2025, 5, 2), false, "a", "a", "[X]"};
    const auto duplicate = WorkingCalendar::Create(2025, 2025, {day, day});
    ASSERT_FALSE(duplicate.HasValue());
    EXPECT_EQ(duplicate.GetError().code, "duplicate_calendar_override");
}

TEST(WorkingCalendar, AnOverrideCanMakeASundayAWorkingDay) {
    auto calendar = WorkingCalendar::Create(
        2030, 2030, {{D(2030, 3, 3), true, "Làm bù", "Make-up day", "[TEST]"}});
    ASSERT_TRUE(calendar.HasValue());
    EXPECT_TRUE(calendar.Value().IsWorkingDay(D(2030, 3, 3)));
    ASSERT_EQ(calendar.Value().ExceptionsIn(2030).size(),
              WithoutDecisions(2030, 2030).ExceptionsIn(2030).size() + 1);
}

TEST(WorkingCalendar, ConcurrentConstReadsAgree) {
    std::vector<std::thread> threads;
    std::vector<int> counts(4, 0);
    threads.reserve(counts.size());
    for (int& count : counts) {
        threads.emplace_back([&count] {
            for (sys_days day = D(2025, 1, 1); day <= D(2026, 12, 31); day += days{1}) {
                count += Calendar().IsWorkingDay(day) ? 1 : 0;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    for (int count : counts) {
        EXPECT_EQ(count, counts.front());
    }
    EXPECT_GT(counts.front(), 480);
}

}  // namespace
}  // namespace motcua::domain::calendar
