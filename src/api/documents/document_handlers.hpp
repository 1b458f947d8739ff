// The applicants' data store endpoints (kho dữ liệu, docs/data-store.md §4): the holder's own
// documents, one document with its history, a document's file, and the documents a dossier's
// components can reuse. Rules live in services::DataStore; the reuse itself is the dossier's
// reuse action (POST /api/v1/dossiers/{code}/actions with "document").
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::documents {

/// GET /api/v1/me/documents → {items: [document]} newest first.
Response ListMyDocuments(ApiContext& context, const Request& request);
/// GET /api/v1/documents/{id}[?dossier=CODE] → the document with its history.
Response GetDocument(ApiContext& context, const Request& request, const std::string& id);
/// GET /api/v1/documents/{id}/files/{sha256}[?dossier=CODE] → the file, as a download.
Response DownloadDocumentFile(ApiContext& context, const Request& request, const std::string& id,
                              const std::string& sha256);
/// GET /api/v1/dossiers/{code}/reusable-documents → {components: [...]}.
Response ListReusableDocuments(ApiContext& context, const Request& request,
                               const std::string& code);

}  // namespace motcua::api::documents
