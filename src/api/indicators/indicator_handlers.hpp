// The indicator endpoints (docs/architecture.md §6): the 766 index and the plan's indicators of an
// agency's subtree, computed from the counters kept with the dossier events — aggregates only,
// public — the dashboard's ranking and trend, and the drill-down to the dossiers behind a figure
// (officials with read_indicators only).
#pragma once

#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "api/api_context.hpp"
#include "api/query_params.hpp"

namespace motcua::api::indicators {

/// The index as JSON: agency, period, total and the groups (with their metrics when asked).
boost::json::object IndexJson(const services::IndexAnswer& answer, bool with_metrics);
/// A required, non-empty text parameter (invalid_parameter naming it otherwise).
Outcome<std::string> Required(const QueryParams& params, std::string_view name);
/// The required `period` parameter: YYYY-MM, YYYY-Qn or YYYY.
Outcome<reporting::Period> RequiredPeriod(const QueryParams& params);

/// GET /api/v1/indicators/766?agency=CODE&period=YYYY-MM|YYYY-Qn|YYYY
Response GetIndex766(ApiContext& context, const Request& request);
/// GET /api/v1/indicators/plan?agency=CODE&year=YYYY
Response GetPlanIndicators(ApiContext& context, const Request& request);
/// GET /api/v1/indicators/766/ranking?period=…[&parent=CODE]
Response GetRanking(ApiContext& context, const Request& request);
/// GET /api/v1/indicators/766/trend?agency=CODE&year=YYYY
Response GetTrend(ApiContext& context, const Request& request);
/// GET /api/v1/indicators/766/dossiers?agency=CODE&period=…&metric=CODE[&filter=…][&cursor=…]
Response GetDrilldown(ApiContext& context, const Request& request);

}  // namespace motcua::api::indicators
