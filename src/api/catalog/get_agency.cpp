#include "api/catalog/catalog_handlers.hpp"
#include "api/json/catalog_responses.hpp"
#include "api/query_params.hpp"

namespace motcua::api::catalog {

Response GetAgency(ApiContext& context, const Request& request, const std::string& code) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto found = context.catalog.GetAgency(code);
    if (!found) {
        return context.errors.Render(found.GetError());
    }
    const auto& [snapshot, position] = found.Value();
    return JsonResponse(json::AgencyDetail(*snapshot, position));
}

}  // namespace motcua::api::catalog
