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
    const auto pdf = WantsPdf(query);
    if (!pdf) {
        return context.errors.Render(pdf.GetError());
    }
    if (pdf.Value()) {
        auto printed = context.printed_forms->Print(request.actor, code, form);
        if (!printed) {
            return context.errors.Render(printed.GetError());
        }
        return PdfResponse(std::move(printed.Value()));
    }
    auto built = context.dossiers->GetForm(request.actor, code, form);
    if (!built) {
        return context.errors.Render(built.GetError());
    }
    return JsonResponse(built.Value());
}

}  // namespace motcua::api::dossiers
