#include <boost/json.hpp>

#include "api/dossiers/form_handlers.hpp"
#include "api/pdf_response.hpp"
#include "api/query_params.hpp"
#include "services/dossiers/printed_forms.hpp"

namespace motcua::api::dossiers {

Response GetDossierForm(ApiContext& context, const Request& request, const std::string& code,
                        const std::string& form) {
    const QueryParams query(request);
    if (auto unknown = query.RejectUnknown({"format"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    const auto format = query.NonEmptyText("format");
    if (!format) {
        return context.errors.Render(format.GetError());
    }
    const std::string chosen = format.Value().value_or("json");
    if (chosen == "pdf") {
        auto printed = context.printed_forms->Print(request.actor, code, form);
        if (!printed) {
            return context.errors.Render(printed.GetError());
        }
        return PdfResponse(std::move(printed.Value()));
    }
    if (chosen != "json") {
        return context.errors.Render(InvalidParameter("format"));
    }
    auto built = context.dossiers->GetForm(request.actor, code, form);
    if (!built) {
        return context.errors.Render(built.GetError());
    }
    return JsonResponse(built.Value());
}

}  // namespace motcua::api::dossiers
