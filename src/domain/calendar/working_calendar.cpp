#include "domain/calendar/working_calendar.hpp"

#include <algorithm>

#include "domain/calendar/holidays.hpp"
#include "domain/calendar/lunar_calendar.hpp"

namespace motcua::domain::calendar {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

sys_days FirstOfYear(int year) { return sys_days{std::chrono::year{year} / 1 / 1}; }

int YearOf(sys_days date) { return static_cast<int>(std::chrono::year_month_day{date}.year()); }

void SetBit(std::vector<std::uint64_t>& bits, std::int64_t index, bool value) {
    const auto word = static_cast<std::size_t>(index >> 6);
    const std::uint64_t mask = std::uint64_t{1} << (index & 63);
    bits[word] = value ? (bits[word] | mask) : (bits[word] & ~mask);
}

}  // namespace

Outcome<WorkingCalendar> WorkingCalendar::Create(int first_year, int last_year,
                                                 std::vector<DayOverride> overrides) {
    if (first_year > last_year || first_year < kMinLunarYear || last_year > kMaxLunarYear) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "years",
                         "calendar years are an ascending range within 1900..2199");
    }
    std::sort(overrides.begin(), overrides.end(),
              [](const DayOverride& a, const DayOverride& b) { return a.date < b.date; });
    for (std::size_t i = 1; i < overrides.size(); ++i) {
        if (overrides[i].date == overrides[i - 1].date) {
            return MakeError(ErrorKind::kConflict, "duplicate_calendar_override", "date",
                             "two overrides for one date");
        }
    }
    return WorkingCalendar(first_year, last_year, std::move(overrides));
}

WorkingCalendar::WorkingCalendar(int first_year, int last_year, std::vector<DayOverride> overrides)
    : first_year_(first_year),
      last_year_(last_year),
      origin_(FirstOfYear(first_year)),
      end_(FirstOfYear(last_year + 1)),
      overrides_(std::move(overrides)) {
    const auto total_days = (end_ - origin_).count();
    working_bits_.assign(static_cast<std::size_t>(total_days / 64 + 1), 0);
    for (int year = first_year; year <= last_year; ++year) {
        Year built = BuildYear(year);
        const auto offset = (FirstOfYear(year) - origin_).count();
        const auto length = (FirstOfYear(year + 1) - FirstOfYear(year)).count();
        for (std::int64_t i = 0; i < length; ++i) {
            SetBit(working_bits_, offset + i, Bit(built.working_bits, i));
        }
        exceptions_.push_back(std::move(built.exceptions));
    }
}

WorkingCalendar::Year WorkingCalendar::BuildYear(int year) const {
    const sys_days first = FirstOfYear(year);
    const auto length = (FirstOfYear(year + 1) - first).count();
    Year out;
    out.working_bits.assign(6, 0);
    for (std::int64_t i = 0; i < length; ++i) {
        SetBit(out.working_bits, i, !IsWeekend(first + days{i}));
    }
    // Rule: docs/domain.md §6 — statutory holidays and compensatory days under the default policy.
    for (Holiday& holiday : DefaultDaysOff(year)) {
        const auto index = (holiday.date - first).count();
        if (index < 0 || index >= length || IsWeekend(holiday.date)) {
            continue;  // A holiday on a rest day changes nothing; its compensatory day does.
        }
        SetBit(out.working_bits, index, false);
        out.exceptions.push_back(CalendarDay{holiday.date, false, std::move(holiday.reason_vi),
                                             std::move(holiday.reason_en),
                                             std::move(holiday.source)});
    }
    // Rule: docs/domain.md §6.4 — where the annual decision sets the days, it prevails.
    const auto begin =
        std::lower_bound(overrides_.begin(), overrides_.end(), first,
                         [](const DayOverride& o, sys_days date) { return o.date < date; });
    for (auto it = begin; it != overrides_.end() && YearOf(it->date) == year; ++it) {
        const auto index = (it->date - first).count();
        SetBit(out.working_bits, index, it->working);
        std::erase_if(out.exceptions, [&](const CalendarDay& day) { return day.date == it->date; });
        if (it->working == IsWeekend(it->date)) {
            out.exceptions.push_back(*it);
        }
    }
    std::sort(out.exceptions.begin(), out.exceptions.end(),
              [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
    return out;
}

bool WorkingCalendar::IsWorkingDay(sys_days date) const {
    const auto index = (date - origin_).count();
    if (index >= 0 && date < end_) {
        return Bit(working_bits_, index);
    }
    const int year = YearOf(date);
    return Bit(BuildYear(year).working_bits, (date - FirstOfYear(year)).count());
}

sys_days WorkingCalendar::NextWorkingDay(sys_days date) const {
    do {
        date += days{1};
    } while (!IsWorkingDay(date));
    return date;
}

sys_days WorkingCalendar::PreviousWorkingDay(sys_days date) const {
    do {
        date -= days{1};
    } while (!IsWorkingDay(date));
    return date;
}

sys_days WorkingCalendar::AddWorkingDays(sys_days date, int count) const {
    for (; count > 0; --count) {
        date = NextWorkingDay(date);
    }
    for (; count < 0; ++count) {
        date = PreviousWorkingDay(date);
    }
    return date;
}

std::vector<CalendarDay> WorkingCalendar::ExceptionsIn(int year) const {
    if (year >= first_year_ && year <= last_year_) {
        return exceptions_[static_cast<std::size_t>(year - first_year_)];
    }
    return BuildYear(year).exceptions;
}

}  // namespace motcua::domain::calendar
