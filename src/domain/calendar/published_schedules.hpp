// The holiday schedules that the government published for civil servants (docs/domain.md §6.4
// table), as DayOverride data: every non-working weekday and every working Saturday/Sunday of 2025
// and 2026, plus default holidays that a decision moved elsewhere. Occasions whose decision was NOT
// FOUND (30/4–1/5/2026, Giỗ Tổ 2026, a make-up day for 02/01/2026) are absent: the defaults apply.
#pragma once

#include <vector>

#include "domain/calendar/working_calendar.hpp"

namespace motcua::domain::calendar {

/// Returns the recorded decisions for 2025 and 2026, sorted by date. Rule: docs/domain.md §6.4.
std::vector<DayOverride> PublishedOverrides();

/// Builds the calendar for kDefaultFirstYear..kDefaultLastYear with PublishedOverrides().
WorkingCalendar DefaultWorkingCalendar();

}  // namespace motcua::domain::calendar
