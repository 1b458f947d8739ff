// The electronic results' endpoints (docs/e-results.md §5): public verification by the id on
// the result's QR code, a file checked against it, the revocation, and a dossier's results.
// Rules live in services::EResults.
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::results {

/// GET /api/v1/results/{id}/verification → the register's word; public.
Response GetVerification(ApiContext& context, const Request& request, const std::string& id);
/// POST /api/v1/results/{id}/verification (body: the PDF) → the same and the file's check;
/// public.
Response CheckFile(ApiContext& context, const Request& request, const std::string& id);
/// POST /api/v1/results/{id}/revocation {reason} → the result, revoked.
Response RevokeResult(ApiContext& context, const Request& request, const std::string& id);
/// GET /api/v1/dossiers/{code}/results → {results: […]} newest first.
Response ListDossierResults(ApiContext& context, const Request& request, const std::string& code);

}  // namespace motcua::api::results
