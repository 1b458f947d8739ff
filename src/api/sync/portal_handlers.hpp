// /api/v1/sync/portal/…: what MotCua takes in from the national portal
// (services/portal/portal_intake.hpp) — the review queue of catalogue differences and portal
// dossiers that could not be created, the administrator's decisions, and "pull now".
#pragma once

#include <string>

#include "api/api_context.hpp"

namespace motcua::api::sync {

Response ListPortalReview(ApiContext& context, const Request& request);
Response DecidePortalReview(ApiContext& context, const Request& request, const std::string& id,
                            bool accept);
Response PullPortalDossiers(ApiContext& context, const Request& request);
Response PullPortalCatalogue(ApiContext& context, const Request& request);

}  // namespace motcua::api::sync
