#include "domain/calendar/holidays.hpp"

#include <algorithm>

#include "domain/calendar/lunar_calendar.hpp"

namespace motcua::domain::calendar {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::weekday;

sys_days Date(int year, unsigned month, unsigned day) {
    return sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
}

Holiday Make(sys_days date, Occasion occasion, std::string vi, std::string en) {
    return Holiday{date, occasion, false, std::move(vi), std::move(en), kHolidaySource};
}

int WeekendDaysIn(sys_days first, int count) {
    int weekend = 0;
    for (int i = 0; i < count; ++i) {
        weekend += IsWeekend(first + days{i}) ? 1 : 0;
    }
    return weekend;
}

// Rule: docs/domain.md §6.2 — Art. 112 lets the PM choose 1 day before + 4 after Tết, or 2 + 3.
// Default: the window with fewer weekend days (more weekdays off); a tie goes to 2 + 3. This
// reproduces the decisions of 2020–2026 (POLICY.md).
void AddTet(int year, std::vector<Holiday>& out) {
    const sys_days tet{LunarNewYear(year)};
    const sys_days one_before = tet - days{1};
    const sys_days two_before = tet - days{2};
    const sys_days first =
        WeekendDaysIn(one_before, 5) < WeekendDaysIn(two_before, 5) ? one_before : two_before;
    for (int i = 0; i < 5; ++i) {
        const sys_days date = first + days{i};
        const auto offset = (date - tet).count();
        std::string vi = offset < 0 ? "Tết Nguyên đán (" + std::to_string(offset == -1 ? 1 : 2) +
                                          " ngày trước Tết)"
                                    : "Tết Nguyên đán (mùng " + std::to_string(offset + 1) + ")";
        std::string en = offset < 0 ? "Lunar New Year (Tết) eve holiday"
                                    : "Lunar New Year (Tết) day " + std::to_string(offset + 1);
        out.push_back(Make(date, Occasion::kLunarNewYear, std::move(vi), std::move(en)));
    }
}

// Rule: docs/domain.md §6.2 — Quốc khánh is 02/9 plus one adjacent day chosen by the PM. Default:
// the adjacent day that is a weekday, preferring the one that joins a weekend (Monday or Friday);
// when both or neither qualify, 03/9 (POLICY.md).
sys_days NationalDayAdjacent(int year) {
    const sys_days before = Date(year, 9, 1);
    const sys_days after = Date(year, 9, 3);
    const auto score = [](sys_days date) {
        const weekday day{date};
        if (IsWeekend(date)) {
            return 0;
        }
        return day == std::chrono::Monday || day == std::chrono::Friday ? 2 : 1;
    };
    return score(before) > score(after) ? before : after;
}

}  // namespace

bool IsWeekend(sys_days date) {
    const weekday day{date};
    return day == std::chrono::Saturday || day == std::chrono::Sunday;
}

std::vector<Holiday> StatutoryHolidays(int year) {
    std::vector<Holiday> out;
    out.push_back(Make(Date(year, 1, 1), Occasion::kNewYear, "Tết Dương lịch", "New Year's Day"));
    const bool lunar = year >= kMinLunarYear && year <= kMaxLunarYear;
    if (lunar) {
        AddTet(year, out);
        const auto hung_kings = FromLunar(year, 3, 10, false);
        if (hung_kings.HasValue()) {
            out.push_back(Make(sys_days{hung_kings.Value()}, Occasion::kHungKings,
                               "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
                               "Hung Kings' Commemoration Day (10th day of the 3rd lunar month)"));
        }
    }
    out.push_back(Make(Date(year, 4, 30), Occasion::kVictoryDay, "Ngày Chiến thắng (30/4)",
                       "Reunification Day (30 April)"));
    out.push_back(Make(Date(year, 5, 1), Occasion::kLabourDay, "Ngày Quốc tế Lao động (1/5)",
                       "International Labour Day (1 May)"));
    const sys_days adjacent = NationalDayAdjacent(year);
    out.push_back(Make(Date(year, 9, 2), Occasion::kNationalDay, "Quốc khánh (2/9)",
                       "National Day (2 September)"));
    out.push_back(Make(adjacent, Occasion::kNationalDay, "Quốc khánh (ngày liền kề 2/9)",
                       "National Day holiday (day adjacent to 2 September)"));
    std::sort(out.begin(), out.end(),
              [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
    return out;
}

std::vector<Holiday> CompensatoryDays(const std::vector<Holiday>& holidays) {
    std::vector<sys_days> taken;
    taken.reserve(holidays.size());
    for (const Holiday& holiday : holidays) {
        taken.push_back(holiday.date);
    }
    std::vector<Holiday> sorted = holidays;
    std::sort(sorted.begin(), sorted.end(),
              [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
    std::vector<Holiday> out;
    for (const Holiday& holiday : sorted) {
        if (!IsWeekend(holiday.date)) {
            continue;
        }
        // Rule: docs/domain.md §6.3 (Art. 111(3)) — the next working day, chaining past days off.
        sys_days date = holiday.date + days{1};
        while (IsWeekend(date) || std::find(taken.begin(), taken.end(), date) != taken.end()) {
            date += days{1};
        }
        taken.push_back(date);
        out.push_back(Holiday{date, holiday.occasion, true, "Nghỉ bù " + holiday.reason_vi,
                              "Compensatory day off for " + holiday.reason_en,
                              kCompensatorySource});
    }
    return out;
}

std::vector<Holiday> DefaultDaysOff(int year) {
    std::vector<Holiday> out = StatutoryHolidays(year);
    std::vector<Holiday> compensatory = CompensatoryDays(out);
    out.insert(out.end(), compensatory.begin(), compensatory.end());
    std::stable_sort(out.begin(), out.end(),
                     [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
    return out;
}

}  // namespace motcua::domain::calendar
