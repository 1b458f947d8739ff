// The working-day calendar of civil servants (docs/domain.md §6): Monday–Friday work, Saturday and
// Sunday rest, minus statutory holidays and compensatory days (holidays.hpp), with recorded
// decisions (DayOverride: a weekday off, a Saturday worked, a default holiday cancelled) winning
// over both. Built once into an immutable per-day bit table, so checks are O(1) and concurrent
// const use after construction is safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "common/outcome.hpp"

namespace motcua::domain::calendar {

/// A recorded decision for one date: working or not, why, and the source key (e.g. [LVN-2025]).
struct DayOverride {
    std::chrono::sys_days date;
    bool working = false;
    std::string reason_vi;
    std::string reason_en;
    std::string source;
};

/// A date whose status differs from the default week (weekday working, Saturday/Sunday off):
/// the same fields as a recorded decision.
using CalendarDay = DayOverride;

/// First year tabulated by default.
inline constexpr int kDefaultFirstYear = 1970;
/// Last year tabulated by default.
inline constexpr int kDefaultLastYear = 2100;

class WorkingCalendar {
public:
    /// Builds the table for first_year..last_year (within 1900..2199) from the statutory rules and
    /// `overrides`; fails on an empty or unsupported range or two overrides for one date.
    static Outcome<WorkingCalendar> Create(int first_year, int last_year,
                                           std::vector<DayOverride> overrides);

    /// Returns true if civil servants work on `date`. Years outside the table are computed on
    /// the fly (slower, same rules).
    bool IsWorkingDay(std::chrono::sys_days date) const;
    /// Returns the first working day strictly after `date`.
    std::chrono::sys_days NextWorkingDay(std::chrono::sys_days date) const;
    /// Returns the last working day strictly before `date`.
    std::chrono::sys_days PreviousWorkingDay(std::chrono::sys_days date) const;
    /// Returns the |count|-th working day after (count > 0) or before (count < 0) `date`;
    /// `date` itself when count is 0.
    std::chrono::sys_days AddWorkingDays(std::chrono::sys_days date, int count) const;
    /// Returns every date of `year` whose status differs from the default week, sorted by date.
    std::vector<CalendarDay> ExceptionsIn(int year) const;

    /// Returns the first tabulated year.
    int FirstYear() const { return first_year_; }
    /// Returns the last tabulated year.
    int LastYear() const { return last_year_; }

private:
    WorkingCalendar(int first_year, int last_year, std::vector<DayOverride> overrides);

    struct Year {
        std::vector<std::uint64_t> working_bits;  // Bit i: day i of the year (0 = 1 January).
        std::vector<CalendarDay> exceptions;
    };
    Year BuildYear(int year) const;
    static bool Bit(const std::vector<std::uint64_t>& bits, std::int64_t index) {
        return ((bits[static_cast<std::size_t>(index >> 6)] >> (index & 63)) & 1u) != 0;
    }

    int first_year_ = 0;
    int last_year_ = 0;
    std::chrono::sys_days origin_;                      // 1 January of first_year_.
    std::chrono::sys_days end_;                         // 1 January after last_year_.
    std::vector<DayOverride> overrides_;                // Sorted by date.
    std::vector<std::uint64_t> working_bits_;           // One bit per day from origin_.
    std::vector<std::vector<CalendarDay>> exceptions_;  // Per tabulated year.
};

}  // namespace motcua::domain::calendar
