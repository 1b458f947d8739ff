// Request and Response: the project's own small HTTP message types. Handlers see only these, so
// that Boost.Beast and Asio stay inside api/server/ (the one heavy translation unit).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/spooled_file.hpp"
#include "domain/access/actor.hpp"

namespace motcua::api {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct Request {
    std::string method;                 // Upper case: "GET", "POST", ...
    std::string target;                 // As received: path and query.
    std::vector<std::string> segments;  // Decoded path segments ("/api/v1/x" → api, v1, x).
    std::vector<std::pair<std::string, std::string>> query;  // Decoded, in order.
    HeaderList headers;                                      // Names in lower case.
    std::string body;
    /// Set instead of `body` for a file upload, which the server writes to disk as it arrives.
    std::shared_ptr<const SpooledFile> spooled_body;
    std::string remote_address;
    /// Who is calling: set by HttpApi from the session token before the handler runs.
    domain::Actor actor;
    /// The presented session token when it is valid (for logout and password change).
    std::string session_token;

    /// Returns the first header named `name` (lower case), or an empty view.
    std::string_view Header(std::string_view name) const;
    /// Whether a header named `name` (lower case) was sent, even with an empty value.
    bool HasHeader(std::string_view name) const;
    /// Returns the value of cookie `name` from the Cookie header, or an empty view.
    std::string_view Cookie(std::string_view name) const;
    /// Returns the token of an `Authorization: Bearer <token>` header, or nullopt.
    std::optional<std::string_view> BearerToken() const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    HeaderList headers;
    std::string problem_code;  // An error answer's stable code (for the refusal metrics).

    /// Adds a header to the response.
    Response& With(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

/// Path parameters captured by the router ({code} → value), in pattern order.
using PathParams = std::vector<std::string>;

}  // namespace motcua::api
