// The working-day calendar endpoints (docs/architecture.md §6): the days off and make-up working
// days of a year, deadline computation, and the decisions administrators record. One file each.
#pragma once

#include <string>

#include "api/api_context.hpp"

namespace motcua::api::calendar {

/// GET /api/v1/calendar/{year}
Response GetCalendarYear(ApiContext& context, const Request& request, const std::string& year);
/// GET /api/v1/calendar/due?start=&amount=&unit=&cutoff=
Response ComputeDue(ApiContext& context, const Request& request);
/// GET /api/v1/calendar/overrides?year=
Response ListOverrides(ApiContext& context, const Request& request);
/// PUT /api/v1/calendar/overrides/{date} (province administrator)
Response RecordOverride(ApiContext& context, const Request& request, const std::string& date);
/// DELETE /api/v1/calendar/overrides/{date} (province administrator)
Response DeleteOverride(ApiContext& context, const Request& request, const std::string& date);

}  // namespace motcua::api::calendar
