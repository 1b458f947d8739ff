// Files of a dossier: its components' uploads and its electronic result (multipart/form-data),
// and their download. Rules live in
// services::AttachmentService; the file type is judged by content, never by the client's word.
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::dossiers {

/// POST /api/v1/dossiers/{code}/files (multipart: one `component` field, one or more `file`
/// parts) → 201 {"files": [{sha256, size, media_type, extension, file_name}], "dossier": {...}}
Response UploadDossierFiles(ApiContext& context, const Request& request, const std::string& code);
/// POST /api/v1/dossiers/{code}/e-result (multipart: exactly one `file` part) → 201, as above:
/// the issue_e_result fact naming the uploaded file.
Response UploadDossierEResult(ApiContext& context, const Request& request, const std::string& code);
/// GET /api/v1/files/{sha256}?dossier={code}: the stored file, for readers of that dossier when
/// it was uploaded to it.
Response DownloadFile(ApiContext& context, const Request& request, const std::string& sha256);

}  // namespace motcua::api::dossiers
