// The dossier endpoints (docs/architecture.md §6): submit or receive, the inbox, one dossier (or
// its public lookup), lifecycle actions, and the history. Rules live in services::DossierService.
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::dossiers {

/// POST /api/v1/dossiers (Idempotency-Key honoured)
Response SubmitDossier(ApiContext& context, const Request& request);
/// GET /api/v1/dossiers?status=&procedure=&due_before=&overdue=&assigned=&order=&limit=&cursor=
Response ListDossiers(ApiContext& context, const Request& request);
/// GET /api/v1/dossiers/{code}[?id_number=] (the public lookup when id_number is given)
Response GetDossier(ApiContext& context, const Request& request, const std::string& code);
/// POST /api/v1/dossiers/{code}/actions {"action": "...", ...}
Response TransitionDossier(ApiContext& context, const Request& request, const std::string& code);
/// GET /api/v1/dossiers/{code}/events
Response ListDossierEvents(ApiContext& context, const Request& request, const std::string& code);

/// Renders a dossier view with its ETag (the number of events: it changes with every change).
Response RenderDossier(ApiContext& context, const services::DossierView& view, int status);

}  // namespace motcua::api::dossiers
