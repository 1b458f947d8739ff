#include "api/dossiers/file_handlers.hpp"
#include "api/file_download.hpp"
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
    return FileDownload(found.sha256, std::move(found.content), found.type);
}

}  // namespace motcua::api::dossiers
