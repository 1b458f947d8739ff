// StaticFiles: serves the built web application (web/dist) at "/". Paths without a file
// extension that match no file are client-side routes and get index.html. Hashed assets under
// /assets/ are cached for a year; everything else is revalidated with an ETag. Path traversal
// is impossible by construction: only segments of plain names are joined under the root, and
// the resolved path must still lie inside it.
#pragma once

#include <filesystem>
#include <optional>

#include "api/http_types.hpp"

namespace motcua::api {

class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path root);
    /// Returns the file response for the request, or nullopt when nothing is to be served.
    std::optional<Response> Serve(const Request& request) const;
    /// Returns the content type for a file name's extension.
    static std::string ContentTypeFor(const std::filesystem::path& file);

private:
    std::optional<Response> ServeFile(const std::filesystem::path& file, const Request& request,
                                      bool immutable) const;
    std::filesystem::path root_;
};

}  // namespace motcua::api
