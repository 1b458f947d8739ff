#include "domain/calendar/deadline.hpp"

#include <algorithm>

#include "common/assert.hpp"

namespace motcua::domain::calendar {
namespace {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::sys_days;

LocalDateTime NextOpening(sys_days date, const OfficeHours& hours,
                          const WorkingCalendar& calendar) {
    return {calendar.NextWorkingDay(date), hours.Opening()};
}

// The first office moment at or after `at` (a period's end moves to the next period's start).
LocalDateTime NextOfficeMoment(LocalDateTime at, const OfficeHours& hours,
                               const WorkingCalendar& calendar) {
    if (!calendar.IsWorkingDay(at.date)) {
        return NextOpening(at.date, hours, calendar);
    }
    for (const OfficePeriod& period : hours.Periods()) {
        if (at.time_of_day < period.start) {
            return {at.date, period.start};
        }
        if (at.time_of_day < period.end) {
            return at;
        }
    }
    return NextOpening(at.date, hours, calendar);
}

LocalDateTime CloseOf(sys_days date, const OfficeHours& hours) { return {date, hours.Closing()}; }

}  // namespace

LocalDateTime StartOfCounting(LocalDateTime received, const OfficeHours& hours,
                              const WorkingCalendar& calendar, std::optional<minutes> cutoff) {
    // Rule: docs/domain.md §2.5 — a procedure's cut-off (e.g. 15:00) sends later receipts to the
    // next working day; out-of-hours receipts count from the next working period (§2.3 step 1).
    if (cutoff && received.time_of_day >= *cutoff && calendar.IsWorkingDay(received.date)) {
        return NextOpening(received.date, hours, calendar);
    }
    return NextOfficeMoment(received, hours, calendar);
}

LocalDateTime DueAt(LocalDateTime start, int amount, TimeUnit unit, const OfficeHours& hours,
                    const WorkingCalendar& calendar, const DeadlinePolicy& policy) {
    MOTCUA_ASSERT(amount >= 0, "catalogue rules keep processing times non-negative");
    const LocalDateTime from = NextOfficeMoment(start, hours, calendar);
    switch (unit) {
        case TimeUnit::kWorkingDays: {
            // Rule: docs/domain.md §2.5 (POLICY.md) — the start day does not count unless the
            // policy says a morning start does; due at the close of the last counted day.
            int count = amount;
            if (policy.start_day_counts_before &&
                from.time_of_day < *policy.start_day_counts_before && count > 0) {
                --count;
            }
            return CloseOf(calendar.AddWorkingDays(from.date, count), hours);
        }
        case TimeUnit::kWorkingHours:
            return AddOfficeTime(from, minutes{amount * 60}, hours, calendar);
        case TimeUnit::kCalendarDays: {
            // Rule: docs/domain.md §2.5 — a calendar-day due date on a day off moves to the next
            // working day's close.
            const sys_days date = from.date + days{amount};
            return CloseOf(calendar.IsWorkingDay(date) ? date : calendar.NextWorkingDay(date),
                           hours);
        }
    }
    MOTCUA_ASSERT(false, "every TimeUnit is handled above");
    return from;
}

LocalDateTime AddOfficeTime(LocalDateTime from, minutes amount, const OfficeHours& hours,
                            const WorkingCalendar& calendar) {
    if (amount <= minutes{0}) {
        return from;
    }
    LocalDateTime at = NextOfficeMoment(from, hours, calendar);
    minutes remaining = amount;
    // Walk the current day's periods, then skip whole working days, then walk the last day.
    while (true) {
        for (const OfficePeriod& period : hours.Periods()) {
            if (at.time_of_day >= period.end) {
                continue;
            }
            const minutes begin = std::max(at.time_of_day, period.start);
            const minutes available = period.end - begin;
            if (remaining <= available) {
                return {at.date, begin + remaining};
            }
            remaining -= available;
        }
        at = NextOpening(at.date, hours, calendar);
        while (remaining > hours.MinutesPerDay()) {
            remaining -= hours.MinutesPerDay();
            at = NextOpening(at.date, hours, calendar);
        }
    }
}

minutes OfficeTimeBetween(LocalDateTime from, LocalDateTime to, const OfficeHours& hours,
                          const WorkingCalendar& calendar) {
    minutes total{0};
    for (sys_days date = from.date; date <= to.date; date += days{1}) {
        if (!calendar.IsWorkingDay(date)) {
            continue;
        }
        const minutes day_begin = date == from.date ? from.time_of_day : minutes{0};
        const minutes day_end = date == to.date ? to.time_of_day : minutes{24 * 60};
        for (const OfficePeriod& period : hours.Periods()) {
            const minutes begin = std::max(day_begin, period.start);
            const minutes end = std::min(day_end, period.end);
            total += std::max(end - begin, minutes{0});
        }
    }
    return total;
}

Outcome<LocalDateTime> ShiftForPause(LocalDateTime due, LocalDateTime paused_at,
                                     LocalDateTime resumed_at, const OfficeHours& hours,
                                     const WorkingCalendar& calendar) {
    if (resumed_at < paused_at) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "resumed_at",
                         "supplementation resumes after it was requested");
    }
    // Rule: docs/domain.md §1.4 group 2 — supplementation time is excluded from processing time;
    // only office time counts, so a pause over a weekend or Tết adds nothing for those days.
    return AddOfficeTime(due, OfficeTimeBetween(paused_at, resumed_at, hours, calendar), hours,
                         calendar);
}

DueState ClassifyDue(Instant now, LocalDateTime due, minutes due_soon_threshold) {
    const Instant due_instant = ToInstant(due);
    if (now > due_instant) {
        return DueState::kOverdue;
    }
    return due_instant - now <= due_soon_threshold ? DueState::kDueSoon : DueState::kOnTime;
}

}  // namespace motcua::domain::calendar
