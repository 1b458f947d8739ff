#include "api/static_files.hpp"

#include <fstream>
#include <iterator>
#include <system_error>

#include <fmt/format.h>

namespace motcua::api {
namespace {

constexpr const char* kUnknownType = "application/octet-stream";

bool IsSafeSegment(const std::string& segment) {
    if (segment.empty() || segment == "." || segment == ".." || segment.front() == '.') {
        return false;  // Also hides dotfiles.
    }
    for (const char c : segment) {
        if (c == '/' || c == '\\' || c == '\0' || static_cast<unsigned char>(c) < 0x20) {
            return false;
        }
    }
    return true;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) {
    std::error_code error;
    root_ = std::filesystem::weakly_canonical(root, error);
    if (error) {
        root_ = std::move(root);
    }
}

std::string StaticFiles::ContentTypeFor(const std::filesystem::path& file) {
    static constexpr std::pair<const char*, const char*> kTypes[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".ico", "image/x-icon"},
        {".webp", "image/webp"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json"},
        {".webmanifest", "application/manifest+json"},
        {".pdf", "application/pdf"},
    };
    const std::string extension = file.extension().string();
    for (const auto& [suffix, type] : kTypes) {
        if (extension == suffix) {
            return type;
        }
    }
    return kUnknownType;
}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
    std::filesystem::path file = root_;
    for (const auto& segment : request.segments) {
        if (!IsSafeSegment(segment)) {
            return std::nullopt;
        }
        file /= segment;
    }
    std::error_code error;
    if (request.segments.empty() || std::filesystem::is_directory(file, error)) {
        file /= "index.html";
    }
    const bool immutable = !request.segments.empty() && request.segments.front() == "assets";
    if (std::filesystem::is_regular_file(file, error)) {
        return ServeFile(file, request, immutable);
    }
    // Anything that does not name a static asset type is a client-side route of the web
    // application (procedure codes such as "1.001193.000.00.00.H32" contain dots).
    if (!request.segments.empty() && !immutable &&
        ContentTypeFor(request.segments.back()) == kUnknownType) {
        return ServeFile(root_ / "index.html", request, false);
    }
    return std::nullopt;
}

std::optional<Response> StaticFiles::ServeFile(const std::filesystem::path& file,
                                               const Request& request, bool immutable) const {
    std::error_code error;
    const auto canonical = std::filesystem::weakly_canonical(file, error);
    const auto relative = canonical.lexically_relative(root_);
    if (error || relative.empty() || *relative.begin() == "..") {
        return std::nullopt;  // A symbolic link pointing outside the root.
    }
    const auto size = std::filesystem::file_size(canonical, error);
    const auto modified = std::filesystem::last_write_time(canonical, error);
    if (error) {
        return std::nullopt;
    }
    const std::string etag =
        fmt::format("\"{:x}-{:x}\"", size, modified.time_since_epoch().count());
    Response response;
    response.content_type = ContentTypeFor(canonical);
    response.With("ETag", etag);
    response.With("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (request.Header("if-none-match") == etag) {
        response.status = 304;
        return response;
    }
    std::ifstream input(canonical, std::ios::binary);
    if (!input) {
        return std::nullopt;
    }
    response.body.assign(std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>());
    return response;
}

}  // namespace motcua::api
