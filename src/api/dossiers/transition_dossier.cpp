#include <boost/json.hpp>

#include "api/dossiers/dossier_handlers.hpp"
#include "api/json/request_body.hpp"
#include "interchange/action_json.hpp"
#include "services/results/e_results.hpp"

namespace motcua::api::dossiers {

Response TransitionDossier(ApiContext& context, const Request& request, const std::string& code) {
    auto body = json::ParseJsonBody(request);
    if (!body) {
        return context.errors.Render(body.GetError());
    }
    auto input = interchange::ActionInputFromJson(body.Value(), "");
    if (!input) {
        Error error = input.GetError();
        error.code = "invalid_parameter";  // The API names the field; the file format its path.
        return context.errors.Render(error);
    }
    if (input.Value().action == domain::DossierAction::kAttach ||
        input.Value().action == domain::DossierAction::kDigitize) {
        // Digitising is uploading the scan (POST /api/v1/dossiers/{code}/files): a component is
        // never marked digitised without its file, nor linked to a file by naming a hash (a known
        // hash would otherwise open another dossier's file).
        return context.errors.Render(MakeError(ErrorKind::kInvalid, "use_file_upload", "action"));
    }
    // Finishing with an electronic result issues it, signed, in the same transaction.
    const bool electronic = input.Value().action == domain::DossierAction::kFinish &&
                            input.Value().result_kind == "electronic";
    auto view = electronic ? context.e_results->FinishElectronic(request.actor, code,
                                                                 std::move(input).Value())
                           : context.dossiers->Act(request.actor, code, std::move(input).Value());
    if (!view) {
        return context.errors.Render(view.GetError());
    }
    return RenderDossier(context, view.Value(), 200);
}

}  // namespace motcua::api::dossiers
