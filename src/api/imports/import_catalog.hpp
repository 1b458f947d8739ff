// Admin imports over HTTP, the same as `motcua import agencies|procedures FILE`: the body is the
// documented JSON file (docs/import-format.md); one bad record rejects the whole file.
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::imports {

/// POST /api/v1/import/agencies and POST /api/v1/import/procedures
Response ImportCatalog(ApiContext& context, const Request& request, bool agencies);
/// POST /api/v1/import/dossiers: JSON Lines of dossiers with their history (docs/dossiers.md §6);
/// answers {"imported", "rejected", "errors": [{"line", "code", "param", ...}]}.
Response ImportDossiers(ApiContext& context, const Request& request);

}  // namespace motcua::api::imports
