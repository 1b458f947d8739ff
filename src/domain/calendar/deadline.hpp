// Deadline counting for a dossier (hạn giải quyết, NgayHenTra; docs/domain.md §2.5): when the clock
// starts, when a legal processing time expires in working days, working hours or calendar days,
// how a supplementation pause moves the due time (docs/domain.md §1.4 group 2, §2.3 step 5), and
// whether a dossier is on time, due soon or overdue. Policy choices and their sources: POLICY.md.
#pragma once

#include <chrono>
#include <optional>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/calendar/local_date_time.hpp"
#include "domain/calendar/office_hours.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "domain/catalog/procedure.hpp"

namespace motcua::domain::calendar {

/// Options of the working-day rule that the sources leave open (POLICY.md §Deadlines).
struct DeadlinePolicy {
    /// When set, a working-day count that starts before this time of day counts the start day as
    /// day 1; when empty (default) the start day never counts (BLDS 2015 Art. 147(2) style).
    std::optional<std::chrono::minutes> start_day_counts_before;
};

/// How close a dossier is to its due time.
enum class DueState { kOnTime, kDueSoon, kOverdue };

/// Returns when the processing clock starts for a dossier received at `received`: itself during
/// office hours; the afternoon opening during lunch; the next working day's opening when received
/// after the close, on a day off, or at/after the procedure's `cutoff`. Rule: docs/domain.md §2.5.
LocalDateTime StartOfCounting(LocalDateTime received, const OfficeHours& hours,
                              const WorkingCalendar& calendar,
                              std::optional<std::chrono::minutes> cutoff);

/// Returns the due time of `amount` (>= 0) units counted from `start` (a StartOfCounting result;
/// other times are first moved to the next office time). Working days: the close of the
/// amount-th working day after the start day (0: the start day's close). Working hours: amount
/// hours of office time later. Calendar days: the close of the day amount days later, pushed to
/// the next working day's close when that is a day off. Rule: docs/domain.md §2.5.
LocalDateTime DueAt(LocalDateTime start, int amount, TimeUnit unit, const OfficeHours& hours,
                    const WorkingCalendar& calendar, const DeadlinePolicy& policy = {});

/// Returns the due time moved by the office time between `paused_at` and `resumed_at` (a
/// supplementation request and its completion); fails when resumed_at is before paused_at.
/// Rule: docs/domain.md §1.4 group 2 and §2.3 step 5.
Outcome<LocalDateTime> ShiftForPause(LocalDateTime due, LocalDateTime paused_at,
                                     LocalDateTime resumed_at, const OfficeHours& hours,
                                     const WorkingCalendar& calendar);

/// Returns the moment `amount` of office time after `from` (`from` itself when amount is 0).
LocalDateTime AddOfficeTime(LocalDateTime from, std::chrono::minutes amount,
                            const OfficeHours& hours, const WorkingCalendar& calendar);

/// Returns the office time between `from` and `to` (zero when `to` is not after `from`).
std::chrono::minutes OfficeTimeBetween(LocalDateTime from, LocalDateTime to,
                                       const OfficeHours& hours, const WorkingCalendar& calendar);

/// Classifies a dossier at `now`: overdue after `due`, due soon within `due_soon_threshold` of
/// it (elapsed time), else on time. Exactly at `due` is not overdue (docs/domain.md §1.4, 2.1).
DueState ClassifyDue(Instant now, LocalDateTime due, std::chrono::minutes due_soon_threshold);

}  // namespace motcua::domain::calendar
