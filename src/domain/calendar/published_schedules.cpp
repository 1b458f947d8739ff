#include "domain/calendar/published_schedules.hpp"

#include "common/assert.hpp"

namespace motcua::domain::calendar {
namespace {

using std::chrono::sys_days;

DayOverride Off(int y, unsigned m, unsigned d, std::string vi, std::string en, std::string source) {
    return DayOverride{sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}},
                       false, std::move(vi), std::move(en), std::move(source)};
}

DayOverride Work(int y, unsigned m, unsigned d, std::string vi, std::string en,
                 std::string source) {
    DayOverride day = Off(y, m, d, std::move(vi), std::move(en), std::move(source));
    day.working = true;
    return day;
}

}  // namespace

// Rule: docs/domain.md §6.4 table "Days off (civil servants)", source keys in its §11.
std::vector<DayOverride> PublishedOverrides() {
    const std::string tet_2025_vi = "Nghỉ Tết Nguyên đán Ất Tỵ 2025 (25/01–02/02)";
    const std::string tet_2025_en = "Lunar New Year (Ất Tỵ) 2025 holiday (25/01–02/02)";
    const std::string tet_2026_vi = "Nghỉ Tết Nguyên đán Bính Ngọ 2026 (14/02–22/02)";
    const std::string tet_2026_en = "Lunar New Year (Bính Ngọ) 2026 holiday (14/02–22/02)";
    const std::string qk_2026_vi = "Nghỉ Quốc khánh 2026 (29/08–02/09)";
    const std::string qk_2026_en = "National Day 2026 holiday (29/08–02/09)";
    return {
        // 2025.
        Off(2025, 1, 1, "Tết Dương lịch", "New Year's Day", "[TETAL-2025]"),
        Off(2025, 1, 27, tet_2025_vi, tet_2025_en, "[LVN-2025]"),
        Off(2025, 1, 28, tet_2025_vi, tet_2025_en, "[LVN-2025]"),
        Off(2025, 1, 29, tet_2025_vi, tet_2025_en, "[LVN-2025]"),
        Off(2025, 1, 30, tet_2025_vi, tet_2025_en, "[LVN-2025]"),
        Off(2025, 1, 31, tet_2025_vi, tet_2025_en, "[LVN-2025]"),
        Off(2025, 4, 7, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Hung Kings' Commemoration Day",
            "[TETAL-2025]"),
        Work(2025, 4, 26, "Làm bù cho ngày nghỉ thứ Sáu 02/05/2025",
             "Make-up working Saturday for Friday 02/05/2025 off", "[LVN-2025], [VNPLUS-2025]"),
        Off(2025, 4, 30, "Ngày Chiến thắng (30/4)", "Reunification Day (30 April)", "[LVN-2025]"),
        Off(2025, 5, 1, "Ngày Quốc tế Lao động (1/5)", "International Labour Day (1 May)",
            "[LVN-2025]"),
        Off(2025, 5, 2, "Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)",
            "Swapped day off (worked on Saturday 26/04/2025)", "[LVN-2025], [VNPLUS-2025]"),
        Off(2025, 9, 1, "Nghỉ Quốc khánh 2025 (30/08–02/09)", "National Day 2025 holiday",
            "[LVN-2025]"),
        Off(2025, 9, 2, "Quốc khánh (2/9)", "National Day (2 September)", "[LVN-2025]"),
        // 2026. Tết Dương lịch: a make-up day for Friday 02/01 was NOT FOUND (docs/domain.md §6.4).
        Off(2026, 1, 1, "Tết Dương lịch", "New Year's Day", "[TCQH-2026]"),
        Off(2026, 1, 2, "Nghỉ Tết Dương lịch 2026 (01/01–04/01)",
            "New Year 2026 holiday (01/01–04/01)", "[TCQH-2026]"),
        Off(2026, 2, 16, tet_2026_vi, tet_2026_en, "[CONGAN-2026], [KIENTHUC-2026]"),
        Off(2026, 2, 17, tet_2026_vi, tet_2026_en, "[CONGAN-2026], [KIENTHUC-2026]"),
        Off(2026, 2, 18, tet_2026_vi, tet_2026_en, "[CONGAN-2026], [KIENTHUC-2026]"),
        Off(2026, 2, 19, tet_2026_vi, tet_2026_en, "[CONGAN-2026], [KIENTHUC-2026]"),
        Off(2026, 2, 20, tet_2026_vi, tet_2026_en, "[CONGAN-2026], [KIENTHUC-2026]"),
        Work(2026, 8, 22, "Làm bù cho ngày nghỉ thứ Hai 31/08/2026",
             "Make-up working Saturday for Monday 31/08/2026 off", "[KIENTHUC-2026]"),
        Off(2026, 8, 31, "Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)",
            "Swapped day off (worked on Saturday 22/08/2026)", "[KIENTHUC-2026]"),
        Off(2026, 9, 1, qk_2026_vi, qk_2026_en, "[KIENTHUC-2026]"),
        Off(2026, 9, 2, "Quốc khánh (2/9)", "National Day (2 September)", "[KIENTHUC-2026]"),
        // The decision chose 01/09 as the adjacent day, so the default 03/09 is a working day.
        Work(2026, 9, 3, "Ngày làm việc (ngày liền kề Quốc khánh 2026 là 01/09)",
             "Working day (the 2026 National Day adjacent day is 01/09)", "[KIENTHUC-2026]"),
    };
}

WorkingCalendar DefaultWorkingCalendar() {
    auto calendar =
        WorkingCalendar::Create(kDefaultFirstYear, kDefaultLastYear, PublishedOverrides());
    MOTCUA_ASSERT(calendar.HasValue(), "the published overrides have one entry per date");
    return std::move(calendar).Value();
}

}  // namespace motcua::domain::calendar
