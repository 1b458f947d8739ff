#include "api/dossiers/file_handlers.hpp"
#include "api/query_params.hpp"

namespace motcua::api::dossiers {

Response DownloadFile(ApiContext& context, const Request& request, const std::string& sha256) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"dossier"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto dossier = params.Text("dossier");
    if (!dossier) {
        return context.errors.Render(dossier.GetError());
    }
    const auto& dossier_code = dossier.Value();
    if (!dossier_code || dossier_code->empty()) {
        return context.errors.Render(InvalidParameter("dossier"));
    }
    auto file = context.attachments->Download(request.actor, sha256, *dossier_code);
    if (!file) {
        return context.errors.Render(file.GetError());
    }
    auto& found = file.Value();
    Response response{200, found.type.media_type, std::move(found.content), {}};
    // Always a download: a stored file is never rendered in the application's origin.
    response.With("Content-Disposition", "attachment; filename=\"" + found.sha256.substr(0, 16) +
                                             "." + found.type.extension + "\"");
    response.With("ETag", "\"" + found.sha256 + "\"");
    response.With("Cache-Control", "private, no-store");
    return response;
}

}  // namespace motcua::api::dossiers
