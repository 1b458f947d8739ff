#include <boost/json.hpp>

#include "api/dossiers/form_handlers.hpp"
#include "api/query_params.hpp"
#include "services/dossiers/dossier_forms.hpp"

namespace motcua::api::dossiers {

Response GetDossierForm(ApiContext& context, const Request& request, const std::string& code,
                        const std::string& form) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    const auto kind = services::ParseFormKind(form);
    if (!kind) {
        return context.errors.Render(MakeError(ErrorKind::kNotFound, "form_not_found", form));
    }
    // Get, then GetEvents: both are scoped to what the caller may read, and audited.
    auto view = context.dossiers->Get(request.actor, code);
    if (!view) {
        return context.errors.Render(view.GetError());
    }
    auto events = context.dossiers->GetEvents(request.actor, code);
    if (!events) {
        return context.errors.Render(events.GetError());
    }
    const auto snapshot = context.catalog.GetSnapshot();
    const auto& dossier = view.Value().dossier;
    const domain::Procedure* procedure = snapshot->FindProcedure(dossier.procedure_code);
    if (procedure == nullptr) {
        return context.errors.Render(
            MakeError(ErrorKind::kConflict, "procedure_missing", dossier.procedure_code));
    }
    const services::FormInputs inputs{
        dossier,
        events.Value(),
        *procedure,
        [&snapshot](const std::string& agency_code) {
            const auto* agency = snapshot->FindAgency(agency_code);
            return agency == nullptr ? std::string{} : agency->name_vi;
        },
        context.forms,
    };
    auto built = services::BuildForm(*kind, inputs);
    if (!built) {
        return context.errors.Render(built.GetError());
    }
    return JsonResponse(built.Value());
}

}  // namespace motcua::api::dossiers
