// The indicator endpoints (DESIGN.md §6): the 766 index and the plan's indicators of an agency's
// subtree, computed from the counters kept with the dossier events. Aggregates only: public.
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::indicators {

/// GET /api/v1/indicators/766?agency=CODE&period=YYYY-MM|YYYY-Qn|YYYY
Response GetIndex766(ApiContext& context, const Request& request);
/// GET /api/v1/indicators/plan?agency=CODE&year=YYYY
Response GetPlanIndicators(ApiContext& context, const Request& request);

}  // namespace motcua::api::indicators
