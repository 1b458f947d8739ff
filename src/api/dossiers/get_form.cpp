#include <boost/json.hpp>

#include "api/dossiers/form_handlers.hpp"
#include "api/query_params.hpp"

namespace motcua::api::dossiers {

Response GetDossierForm(ApiContext& context, const Request& request, const std::string& code,
                        const std::string& form) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto built = context.dossiers->GetForm(request.actor, code, form);
    if (!built) {
        return context.errors.Render(built.GetError());
    }
    return JsonResponse(built.Value());
}

}  // namespace motcua::api::dossiers
