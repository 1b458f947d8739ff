// The printable forms of a dossier (docs/domain.md §2.4): receipt slip, supplementation request,
// refusal, apology and extension, stop notice, control slip — as JSON data the web application lays
// out. The forms are built by reporting/render/dossier_forms.hpp, read by DossierService::GetForm.
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::dossiers {

/// GET /api/v1/dossiers/{code}/forms/{form}: form ∈ receipt, supplement_request, refusal,
/// extension, stop_notice, control_slip. 404 form_not_found for another name; 409
/// form_not_available when the form does not apply to the dossier (yet).
Response GetDossierForm(ApiContext& context, const Request& request, const std::string& code,
                        const std::string& form);

}  // namespace motcua::api::dossiers
