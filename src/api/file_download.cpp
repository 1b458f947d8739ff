#include "api/file_download.hpp"

namespace motcua::api {

Response FileDownload(const std::string& sha256, std::string content,
                      const services::FileType& type) {
    Response response{200, type.media_type, std::move(content), {}};
    // Always a download: a stored file is never rendered in the application's origin.
    response.With("Content-Disposition",
                  "attachment; filename=\"" + sha256.substr(0, 16) + "." + type.extension + "\"");
    response.With("ETag", "\"" + sha256 + "\"");
    response.With("Cache-Control", "private, no-store");
    return response;
}

}  // namespace motcua::api
