// The answer that serves a stored file (a dossier's file, a data-store document's page): always
// a download, typed by the file's content, named by its hash, never cached by shared caches.
#pragma once

#include <string>

#include "api/http_types.hpp"
#include "services/dossiers/attachment_service.hpp"

namespace motcua::api {

/// 200 with `content` as an attachment "<first 16 hex of sha256>.<extension of `type`>".
Response FileDownload(const std::string& sha256, std::string content,
                      const services::FileType& type);

}  // namespace motcua::api
