#include <boost/json.hpp>

#include "api/dossiers/dossier_handlers.hpp"
#include "api/json/request_body.hpp"
#include "interchange/action_json.hpp"

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
    auto view = context.dossiers->Act(request.actor, code, std::move(input).Value());
    if (!view) {
        return context.errors.Render(view.GetError());
    }
    return RenderDossier(context, view.Value(), 200);
}

}  // namespace motcua::api::dossiers
