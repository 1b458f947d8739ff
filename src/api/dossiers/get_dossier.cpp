#include <boost/json.hpp>

#include "api/dossiers/dossier_handlers.hpp"
#include "api/json/dossier_responses.hpp"
#include "api/query_params.hpp"

namespace motcua::api::dossiers {

Response GetDossier(ApiContext& context, const Request& request, const std::string& code) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"id_number"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto id_number = params.Text("id_number");
    if (!id_number) {
        return context.errors.Render(id_number.GetError());
    }
    if (const auto& applicant_id = id_number.Value()) {
        // The public lookup: code plus the applicant's ID number, no sign-in.
        auto found = context.dossiers->Lookup(code, *applicant_id, request.remote_address);
        if (!found) {
            return context.errors.Render(found.GetError());
        }
        return JsonResponse(
            json::PublicDossierToJson(*context.catalog.GetSnapshot(), found.Value()));
    }
    auto view = context.dossiers->Get(request.actor, code);
    if (!view) {
        return context.errors.Render(view.GetError());
    }
    const std::string etag = "\"" + std::to_string(view.Value().dossier.event_count) + "\"";
    if (request.Header("if-none-match") == etag) {
        Response not_modified{304, "application/json", "", {}};
        not_modified.With("ETag", etag);
        return not_modified;
    }
    return RenderDossier(context, view.Value(), 200);
}

Response ListDossierEvents(ApiContext& context, const Request& request, const std::string& code) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto events = context.dossiers->GetEvents(request.actor, code);
    if (!events) {
        return context.errors.Render(events.GetError());
    }
    boost::json::array items;
    for (const auto& event : events.Value()) {
        items.push_back(json::DossierEventJson(event));
    }
    return JsonResponse(boost::json::object{{"code", code}, {"items", std::move(items)}});
}

}  // namespace motcua::api::dossiers
