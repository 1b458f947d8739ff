// GET /api/v1/audit: the audit log for auditors, newest first, with filters. Read-only: the API
// offers no way to change or delete a record.
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::audit {

/// GET /api/v1/audit?actor=&action=&target_kind=&target_id=&from=&to=&limit=&cursor=
Response ListAudit(ApiContext& context, const Request& request);

}  // namespace motcua::api::audit
