#include "domain/calendar/deadline.hpp"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "domain/calendar/published_schedules.hpp"

namespace motcua::domain::calendar {
namespace {

using std::chrono::minutes;

const WorkingCalendar& Calendar() {
    static const WorkingCalendar calendar = DefaultWorkingCalendar();
    return calendar;
}

const OfficeHours& Hours() {
    static const OfficeHours hours = OfficeHours::Default();
    return hours;
}

LocalDateTime At(const std::string& text) {
    const auto parsed = ParseLocalDateTime(text);
    EXPECT_TRUE(parsed.HasValue()) << text;
    return parsed.HasValue() ? parsed.Value() : LocalDateTime{};
}

std::string Start(const std::string& received, std::optional<minutes> cutoff = {}) {
    return FormatLocalDateTime(StartOfCounting(At(received), Hours(), Calendar(), cutoff));
}

std::string Due(const std::string& received, int amount, TimeUnit unit,
                std::optional<minutes> cutoff = {}, const DeadlinePolicy& policy = {}) {
    const LocalDateTime start = StartOfCounting(At(received), Hours(), Calendar(), cutoff);
    return FormatLocalDateTime(DueAt(start, amount, unit, Hours(), Calendar(), policy));
}

std::string Shifted(const std::string& due, const std::string& paused, const std::string& resumed) {
    const auto shifted = ShiftForPause(At(due), At(paused), At(resumed), Hours(), Calendar());
    EXPECT_TRUE(shifted.HasValue());
    return shifted.HasValue() ? FormatLocalDateTime(shifted.Value()) : "";
}

TEST(Deadline, StartOfCountingDuringOfficeHoursIsTheReceipt) {
    EXPECT_EQ(Start("2025-03-04T09:15"), "2025-03-04T09:15");
    EXPECT_EQ(Start("2025-03-04T07:30"), "2025-03-04T07:30");
}

TEST(Deadline, StartOfCountingMovesOutOfHoursReceipts) {
    EXPECT_EQ(Start("2025-03-04T06:00"), "2025-03-04T07:30");  // Before opening.
    EXPECT_EQ(Start("2025-03-04T11:30"), "2025-03-04T13:00");  // Lunch.
    EXPECT_EQ(Start("2025-03-04T12:10"), "2025-03-04T13:00");
    EXPECT_EQ(Start("2025-03-04T17:00"), "2025-03-05T07:30");  // After the close.
    EXPECT_EQ(Start("2025-03-08T10:00"), "2025-03-10T07:30");  // Saturday.
    EXPECT_EQ(Start("2025-01-24T18:00"), "2025-02-03T07:30");  // Friday night before Tết.
    EXPECT_EQ(Start("2025-04-26T08:00"), "2025-04-26T08:00");  // Make-up Saturday.
}

TEST(Deadline, StartOfCountingAfterTheCutOffIsTheNextWorkingDay) {
    EXPECT_EQ(Start("2025-03-04T14:59", minutes{900}), "2025-03-04T14:59");
    EXPECT_EQ(Start("2025-03-04T15:00", minutes{900}), "2025-03-05T07:30");
    EXPECT_EQ(Start("2026-02-13T15:10", minutes{900}), "2026-02-23T07:30");  // Before Tết 2026.
}

TEST(Deadline, WorkingDaysExcludeTheDayOfReceiptAndSkipTet) {
    EXPECT_EQ(Due("2025-01-24T09:00", 5, TimeUnit::kWorkingDays), "2025-02-07T17:00");
    EXPECT_EQ(Due("2025-03-03T09:00", 10, TimeUnit::kWorkingDays), "2025-03-17T17:00");
}

TEST(Deadline, WorkingDaysCountTheMakeUpSaturdays) {
    EXPECT_EQ(Due("2025-04-24T10:00", 3, TimeUnit::kWorkingDays), "2025-04-28T17:00");
    EXPECT_EQ(Due("2025-04-28T10:00", 2, TimeUnit::kWorkingDays), "2025-05-05T17:00");
    EXPECT_EQ(Due("2026-08-21T10:00", 1, TimeUnit::kWorkingDays), "2026-08-22T17:00");
}

TEST(Deadline, WorkingDaysSkipNationalDay2026AndCountTheThird) {
    EXPECT_EQ(Due("2026-08-28T10:00", 2, TimeUnit::kWorkingDays), "2026-09-04T17:00");
}

TEST(Deadline, SameDayProcedureWithCutOff) {
    // docs/domain.md §2.5: "Trong ngày; nếu tiếp nhận sau 15 giờ thì trả trong ngày làm việc tiếp
    // theo".
    EXPECT_EQ(Due("2025-03-04T14:00", 0, TimeUnit::kWorkingDays, minutes{900}), "2025-03-04T17:00");
    EXPECT_EQ(Due("2025-03-04T15:30", 0, TimeUnit::kWorkingDays, minutes{900}), "2025-03-05T17:00");
}

TEST(Deadline, OptionalPolicyCountsAMorningStartDay) {
    const DeadlinePolicy policy{minutes{12 * 60}};
    EXPECT_EQ(Due("2025-03-03T09:00", 10, TimeUnit::kWorkingDays, {}, policy), "2025-03-14T17:00");
    EXPECT_EQ(Due("2025-03-03T14:00", 10, TimeUnit::kWorkingDays, {}, policy), "2025-03-17T17:00");
}

TEST(Deadline, WorkingHoursSkipLunchNightsAndDaysOff) {
    EXPECT_EQ(Due("2025-03-04T11:00", 1, TimeUnit::kWorkingHours), "2025-03-04T13:30");
    EXPECT_EQ(Due("2025-03-04T12:00", 4, TimeUnit::kWorkingHours), "2025-03-04T17:00");
    EXPECT_EQ(Due("2025-03-04T12:00", 5, TimeUnit::kWorkingHours), "2025-03-05T08:30");
    EXPECT_EQ(Due("2025-03-04T09:00", 8, TimeUnit::kWorkingHours), "2025-03-05T09:00");
    EXPECT_EQ(Due("2025-01-24T15:00", 8, TimeUnit::kWorkingHours), "2025-02-03T15:00");
    EXPECT_EQ(Due("2025-03-07T07:30", 40, TimeUnit::kWorkingHours), "2025-03-13T17:00");
    EXPECT_EQ(Due("2025-03-04T09:00", 0, TimeUnit::kWorkingHours), "2025-03-04T09:00");
}

TEST(Deadline, CalendarDaysArePushedOffDaysOff) {
    EXPECT_EQ(Due("2025-05-30T10:00", 30, TimeUnit::kCalendarDays), "2025-06-30T17:00");
    EXPECT_EQ(Due("2028-02-28T10:00", 1, TimeUnit::kCalendarDays), "2028-02-29T17:00");
    EXPECT_EQ(Due("2025-01-23T10:00", 7, TimeUnit::kCalendarDays), "2025-02-03T17:00");
    EXPECT_EQ(Due("2025-03-04T10:00", 0, TimeUnit::kCalendarDays), "2025-03-04T17:00");
}

TEST(Deadline, PauseAddsTheOfficeTimeOfTheSupplementation) {
    EXPECT_EQ(Shifted("2025-03-17T17:00", "2025-03-05T09:00", "2025-03-07T09:00"),
              "2025-03-19T17:00");
    EXPECT_EQ(Shifted("2025-03-17T17:00", "2025-03-05T09:00", "2025-03-05T10:00"),
              "2025-03-18T08:30");
    EXPECT_EQ(Shifted("2025-03-17T17:00", "2025-03-08T09:00", "2025-03-09T09:00"),
              "2025-03-17T17:00");  // A weekend pause adds nothing.
}

TEST(Deadline, PauseAcrossTetCountsOnlyWorkingDays) {
    EXPECT_EQ(Due("2025-01-20T08:00", 5, TimeUnit::kWorkingDays), "2025-02-03T17:00");
    EXPECT_EQ(Shifted("2025-02-03T17:00", "2025-01-23T08:00", "2025-02-04T08:00"),
              "2025-02-06T17:00");
}

TEST(Deadline, PauseThatResumesBeforeItStartsIsRejected) {
    const auto shifted = ShiftForPause(At("2025-03-17T17:00"), At("2025-03-07T09:00"),
                                       At("2025-03-05T09:00"), Hours(), Calendar());
    ASSERT_FALSE(shifted.HasValue());
    EXPECT_EQ(shifted.GetError().param, "resumed_at");
}

TEST(Deadline, OfficeTimeBetweenCountsPeriodsOnly) {
    EXPECT_EQ(
        OfficeTimeBetween(At("2025-03-04T07:00"), At("2025-03-04T18:00"), Hours(), Calendar()),
        minutes{480});
    EXPECT_EQ(
        OfficeTimeBetween(At("2025-03-04T11:00"), At("2025-03-04T13:30"), Hours(), Calendar()),
        minutes{60});
    EXPECT_EQ(
        OfficeTimeBetween(At("2025-03-04T11:00"), At("2025-03-04T10:00"), Hours(), Calendar()),
        minutes{0});
}

TEST(Deadline, ClassifyDueAroundTheDueInstant) {
    const LocalDateTime due = At("2025-03-17T17:00");
    const Instant due_instant = ToInstant(due);
    const minutes day{24 * 60};
    EXPECT_EQ(ClassifyDue(due_instant + std::chrono::seconds{1}, due, day), DueState::kOverdue);
    EXPECT_EQ(ClassifyDue(due_instant, due, day), DueState::kDueSoon);
    EXPECT_EQ(ClassifyDue(due_instant - day, due, day), DueState::kDueSoon);
    EXPECT_EQ(ClassifyDue(due_instant - day - minutes{1}, due, day), DueState::kOnTime);
}

TEST(Deadline, ConfiguredOfficeHoursChangeTheClock) {
    const auto hours = OfficeHours::Create(
        {{minutes{7 * 60}, minutes{11 * 60 + 30}}, {minutes{13 * 60 + 30}, minutes{17 * 60}}});
    ASSERT_TRUE(hours.HasValue());
    const LocalDateTime start =
        StartOfCounting(At("2025-03-04T12:00"), hours.Value(), Calendar(), std::nullopt);
    EXPECT_EQ(FormatLocalDateTime(start), "2025-03-04T13:30");
    EXPECT_EQ(
        FormatLocalDateTime(DueAt(start, 4, TimeUnit::kWorkingHours, hours.Value(), Calendar())),
        "2025-03-05T07:30");
}

}  // namespace
}  // namespace motcua::domain::calendar
