// Files of dossier components: upload (multipart/form-data) and download. Rules live in
// services::AttachmentService; the file type is judged by content, never by the client's word.
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::dossiers {

/// POST /api/v1/dossiers/{code}/files (multipart: one `component` field, one or more `file`
/// parts) → 201 {"files": [{sha256, size, media_type, extension, file_name}], "dossier": {...}}
Response UploadDossierFiles(ApiContext& context, const Request& request, const std::string& code);
/// GET /api/v1/files/{sha256}?dossier={code}: the stored file, for readers of that dossier when
/// it references the file.
Response DownloadFile(ApiContext& context, const Request& request, const std::string& sha256);

}  // namespace motcua::api::dossiers
