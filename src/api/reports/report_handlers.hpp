// The report endpoints (docs/architecture.md §6): the monthly TTHC report of an agency for
// officials, and the public monthly publication, as JSON, CSV (one section per file) or XLSX.
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::reports {

/// GET /api/v1/reports/monthly?agency=CODE&month=YYYY-MM&format=json|csv|xlsx[&section=…]
Response GetMonthlyReport(ApiContext& context, const Request& request);
/// GET /api/v1/reports/public?month=YYYY-MM[&agency=CODE][&format=json|csv|xlsx][&section=…]
Response GetPublicReport(ApiContext& context, const Request& request);

}  // namespace motcua::api::reports
