// A wall-clock moment in Vietnam (Asia/Ho_Chi_Minh, fixed UTC+7, no daylight saving time): the
// civil date and the minutes since local midnight. Deadlines are counted in this frame; storage
// and the API keep UTC Instants, converted at the edge by ToInstant / ToLocalDateTime.
#pragma once

#include <chrono>
#include <compare>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/outcome.hpp"

namespace motcua::domain::calendar {

/// A local date and time of day in Vietnam, to the minute.
struct LocalDateTime {
    std::chrono::sys_days date;
    std::chrono::minutes time_of_day{0};  // 0 <= time_of_day < 24 h.

    friend auto operator<=>(const LocalDateTime&, const LocalDateTime&) = default;
    friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};

/// Converts a UTC instant to Vietnamese local time, dropping seconds and below.
LocalDateTime ToLocalDateTime(Instant instant);
/// Converts a Vietnamese local time to its UTC instant.
Instant ToInstant(LocalDateTime local);

/// Parses "YYYY-MM-DD" into a date that exists in the calendar.
Outcome<std::chrono::sys_days> ParseIsoDate(std::string_view text);
/// Parses "YYYY-MM-DDTHH:MM" (local time) into a LocalDateTime.
Outcome<LocalDateTime> ParseLocalDateTime(std::string_view text);
/// Parses "HH:MM" into minutes since midnight (00:00..23:59).
Outcome<std::chrono::minutes> ParseTimeOfDay(std::string_view text);
/// Formats a date as "YYYY-MM-DD".
std::string FormatIsoDate(std::chrono::sys_days date);
/// Formats a local time as "YYYY-MM-DDTHH:MM".
std::string FormatLocalDateTime(LocalDateTime local);

}  // namespace motcua::domain::calendar
