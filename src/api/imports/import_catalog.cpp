#include "api/imports/import_catalog.hpp"

#include <boost/json.hpp>

namespace motcua::api::imports {

Response ImportCatalog(ApiContext& context, const Request& request, bool agencies) {
    const auto type = request.Header("content-type");
    if (type.substr(0, type.find(';')) != "application/json") {
        return context.errors.Render(
            MakeError(ErrorKind::kUnsupportedMediaType, "unsupported_media_type", "content-type"));
    }
    auto summary = agencies ? context.catalog.ImportAgencies(request.actor, request.body)
                            : context.catalog.ImportProcedures(request.actor, request.body);
    if (!summary) {
        return context.errors.Render(summary.GetError());
    }
    boost::json::object reply;
    reply["inserted"] = summary.Value().inserted;
    reply["updated"] = summary.Value().updated;
    reply["unchanged"] = summary.Value().unchanged;
    return JsonResponse(reply);
}

}  // namespace motcua::api::imports
