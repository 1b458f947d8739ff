// Statutory public holidays (Labor Code 2019 Art. 112) and compensatory days (Art. 111(3)) as the
// DEFAULT proposal for a year that has no recorded government decision (docs/domain.md §6). Where
// the law leaves a choice to the Prime Minister this module applies MotCua's documented default
// policy (POLICY.md); a published decision, recorded as DayOverride data, always wins.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace motcua::domain::calendar {

/// The occasions of Art. 112(1) BLLĐ 2019.
enum class Occasion { kNewYear, kLunarNewYear, kVictoryDay, kLabourDay, kNationalDay, kHungKings };

/// One day off: its date, occasion, whether it is an Art. 111(3) compensatory day, and why.
struct Holiday {
    std::chrono::sys_days date;
    Occasion occasion = Occasion::kNewYear;
    bool compensatory = false;
    std::string reason_vi;
    std::string reason_en;
    std::string source;
};

/// Source cited for the statutory holidays.
inline constexpr const char* kHolidaySource = "BLLĐ 2019 Điều 112";
/// Source cited for compensatory days.
inline constexpr const char* kCompensatorySource = "BLLĐ 2019 Điều 111 khoản 3";

/// Returns true on Saturday and Sunday, the weekly rest days of civil servants.
bool IsWeekend(std::chrono::sys_days date);

/// Returns the 11 statutory holidays of `year` in date order under the default policy:
/// Tết is the 5-day window (1 day before + 4 after, or 2 + 3) with fewer Saturdays/Sundays, ties
/// going to 2 + 3; Quốc khánh's adjacent day is a weekday, preferring Monday/Friday, else 03/9.
/// Lunar holidays are omitted outside kMinLunarYear..kMaxLunarYear. Rule: docs/domain.md §6.2.
std::vector<Holiday> StatutoryHolidays(int year);

/// Returns the Art. 111(3) compensatory days for `holidays`: each one on a Saturday or Sunday gives
/// the next weekday that is neither a holiday nor already given, in date order. Rule:
/// docs/domain.md §6.3.
std::vector<Holiday> CompensatoryDays(const std::vector<Holiday>& holidays);

/// Returns StatutoryHolidays(year) followed by their compensatory days, sorted by date.
std::vector<Holiday> DefaultDaysOff(int year);

}  // namespace motcua::domain::calendar
