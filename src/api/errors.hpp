// The one place where failures become HTTP: each ErrorKind has one status, and every error body
// is RFC 9457 problem+json with a stable `code` and the catalogue's Vietnamese and English text:
//   {"type": "about:blank", "title": "Not Found", "status": 404, "code": "procedure_not_found",
//    "message_vi": "...", "message_en": "...", "param": "1.0"}
#pragma once

#include <string>
#include <string_view>

#include "api/http_types.hpp"
#include "common/messages.hpp"
#include "common/outcome.hpp"

namespace motcua::api {

/// Returns the HTTP status of an error kind.
int StatusOf(ErrorKind kind);

/// Returns the 400 `invalid_parameter` error naming the query parameter or body field `param`.
Error InvalidParameter(std::string_view param, std::string detail = {});

/// Renders errors with the message catalogue.
class ErrorRenderer {
public:
    explicit ErrorRenderer(const MessageCatalog& messages) : messages_(messages) {}
    /// Returns the problem+json response for `error`.
    Response Render(const Error& error) const;
    /// Returns the problem+json response for a protocol-level failure (404, 405, 413, ...).
    Response Render(int status, std::string_view code, std::string_view param = {}) const;

private:
    const MessageCatalog& messages_;
};

}  // namespace motcua::api
