// GET /api/v1/sync/reconciliation and …/gaps: received vs pushed vs acknowledged dossiers per
// agency and period for a national system, and the dossiers not acknowledged yet
// (services/outbox/sync_reconciliation.hpp).
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::sync {

Response GetReconciliation(ApiContext& context, const Request& request);
Response ListSyncGaps(ApiContext& context, const Request& request);

}  // namespace motcua::api::sync
