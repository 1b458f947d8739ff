#include "api/documents/document_handlers.hpp"

#include <boost/json.hpp>

#include "api/documents/document_json.hpp"
#include "api/file_download.hpp"
#include "api/path_id.hpp"
#include "api/query_params.hpp"
#include "services/documents/data_store.hpp"

namespace motcua::api::documents {
namespace {

Error DocumentNotFound() { return MakeError(ErrorKind::kNotFound, "document_not_found", "id"); }

struct DocumentTarget {
    std::int64_t id = 0;
    std::string dossier;  // The optional ?dossier=CODE an officer reads a holder's store through.
};

// The document named by path segment `id` (404 unless a number) and the dossier it is read
// through.
Outcome<DocumentTarget> ReadTarget(const Request& request, const std::string& id) {
    const QueryParams params(request);
    MOTCUA_RETURN_IF_ERROR(params.RejectUnknown({"dossier"}));
    MOTCUA_ASSIGN_OR_RETURN(const auto dossier, params.Text("dossier"));
    const auto number = ParsePathId(id);
    if (!number) {
        return DocumentNotFound();
    }
    return DocumentTarget{*number, dossier.value_or(std::string{})};
}

}  // namespace

Response ListMyDocuments(ApiContext& context, const Request& request) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto views = context.data_store->Mine(request.actor);
    if (!views) {
        return context.errors.Render(views.GetError());
    }
    const auto snapshot = context.catalog.GetSnapshot();
    boost::json::array items;
    for (const auto& view : views.Value()) {
        items.push_back(DocumentToJson(view, *snapshot));
    }
    return JsonResponse(boost::json::object{{"items", std::move(items)}});
}

Response GetDocument(ApiContext& context, const Request& request, const std::string& id) {
    auto target = ReadTarget(request, id);
    if (!target) {
        return context.errors.Render(target.GetError());
    }
    auto detail = context.data_store->Get(request.actor, target.Value().id, target.Value().dossier);
    if (!detail) {
        return context.errors.Render(detail.GetError());
    }
    return JsonResponse(DetailToJson(detail.Value(), *context.catalog.GetSnapshot()));
}

Response DownloadDocumentFile(ApiContext& context, const Request& request, const std::string& id,
                              const std::string& sha256) {
    auto target = ReadTarget(request, id);
    if (!target) {
        return context.errors.Render(target.GetError());
    }
    auto file = context.data_store->Download(request.actor, target.Value().id, sha256,
                                             target.Value().dossier);
    if (!file) {
        return context.errors.Render(file.GetError());
    }
    auto& found = file.Value();
    return FileDownload(found.sha256, std::move(found.content), found.type);
}

Response ListReusableDocuments(ApiContext& context, const Request& request,
                               const std::string& code) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto reusable = context.data_store->ReusableFor(request.actor, code);
    if (!reusable) {
        return context.errors.Render(reusable.GetError());
    }
    const auto snapshot = context.catalog.GetSnapshot();
    boost::json::array components;
    for (const auto& entry : reusable.Value()) {
        boost::json::array documents;
        for (const auto& view : entry.documents) {
            documents.push_back(DocumentToJson(view, *snapshot));
        }
        boost::json::value reused;
        if (entry.reused_document != 0) {
            reused = entry.reused_document;
        }
        components.push_back(boost::json::object{{"code", entry.component->code},
                                                 {"name_vi", entry.component->name_vi},
                                                 {"name_en", entry.component->name_en},
                                                 {"reused_document", reused},
                                                 {"documents", std::move(documents)}});
    }
    return JsonResponse(boost::json::object{{"components", std::move(components)}});
}

}  // namespace motcua::api::documents
