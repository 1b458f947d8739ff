// The Vietnamese lunisolar calendar (âm lịch): months start on the local day (UTC+7) of an
// astronomical new moon, month 11 contains the winter solstice, and in a 13-month year the first
// month without a major solar term is the leap month. Computed for UTC+7 it differs from the
// Chinese calendar (UTC+8) in some years, e.g. Tết 1985 and 2007. Used to propose Tết and Giỗ Tổ
// (docs/domain.md §6.5); published decisions always win over what is computed here.
#pragma once

#include <chrono>

#include "common/outcome.hpp"

namespace motcua::domain::calendar {

/// First lunar year for which FromLunar and LunarNewYear answer (ΔT model and test range).
inline constexpr int kMinLunarYear = 1900;
/// Last lunar year for which FromLunar and LunarNewYear answer.
inline constexpr int kMaxLunarYear = 2199;

/// A day of the Vietnamese lunar calendar; `leap` marks a day of a leap month (tháng nhuận).
struct LunarDate {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..30
    bool leap = false;

    friend bool operator==(const LunarDate&, const LunarDate&) = default;
};

/// Converts a civil date to the lunar date of that day in Vietnam (UTC+7).
LunarDate ToLunar(std::chrono::year_month_day date);

/// Converts a lunar date to the civil date; fails for a missing leap month, day 30 of a 29-day
/// month, or a year outside kMinLunarYear..kMaxLunarYear.
Outcome<std::chrono::year_month_day> FromLunar(int year, int month, int day, bool leap);

/// Returns the civil date of Tết Nguyên đán (lunar 1/1) of `year`, which falls in that civil year.
/// Requires kMinLunarYear <= year <= kMaxLunarYear.
std::chrono::year_month_day LunarNewYear(int year);

}  // namespace motcua::domain::calendar
