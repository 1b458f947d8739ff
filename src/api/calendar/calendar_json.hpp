// JSON shapes of the calendar endpoints (docs/api/openapi.json, schemas Calendar*), and the
// parsing of the path and query values they share.
#pragma once

#include <chrono>
#include <string_view>

#include <boost/json.hpp>

#include "common/outcome.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "services/calendar/calendar_service.hpp"

namespace motcua::api::calendar {

/// {"date", "working", "reason_vi", "reason_en", "source"}
boost::json::object CalendarDayJson(const domain::calendar::CalendarDay& day);
/// CalendarDayJson plus {"origin": "published"|"recorded", "recorded_by", "recorded_at"}.
boost::json::object CalendarOverrideJson(const services::EffectiveOverride& effective);

/// Parses a four-digit year; an error naming `param` otherwise (the range is the service's).
Outcome<int> ParseYear(std::string_view text, std::string_view param);
/// Parses a "YYYY-MM-DD" date; an error naming `param` otherwise.
Outcome<std::chrono::sys_days> ParseDate(std::string_view text, std::string_view param);

}  // namespace motcua::api::calendar
