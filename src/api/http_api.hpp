// HttpApi: turns one Request into one Response — routing, the static web application, error
// rendering, security headers and metrics. It never throws: an unexpected exception from a
// handler is logged and answered with a problem+json 500, so no input can crash the server.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/api_context.hpp"
#include "api/metrics.hpp"
#include "api/metrics_access.hpp"
#include "api/outbox_metrics.hpp"
#include "api/router.hpp"
#include "api/static_files.hpp"

namespace motcua::api {

struct HttpApiOptions {
    std::optional<std::filesystem::path> web_root;  // Serve the web application from here.
    std::string openapi_json;                       // The OpenAPI document served as-is.
    std::vector<std::string> trusted_proxies;       // Peers whose X-Forwarded-For is read.
    MetricsAccess metrics;                          // Who reads GET /metrics.
};

class HttpApi {
public:
    HttpApi(ApiContext context, HttpApiOptions options);

    /// Answers one request; thread-safe.
    Response Handle(Request request);
    /// Returns true when the header carries a valid session (bearer token or cookie): large
    /// bodies (imports, uploads) are read only for signed-in callers.
    bool HasValidSession(const Request& header_only) const;
    /// Answers a request that failed before it could be parsed (oversized, malformed).
    Response HandleProtocolError(int status, std::string_view code);
    Metrics& GetMetrics() { return *metrics_; }
    OutboxMetrics& GetOutboxMetrics() { return outbox_metrics_; }
    /// Whether `request` may read GET /metrics (metrics_access.hpp).
    bool MayReadMetrics(const Request& request) const {
        return api::MayReadMetrics(request, options_.metrics);
    }
    const std::vector<Route>& GetRoutes() const { return router_->GetRoutes(); }

private:
    Response Dispatch(const Request& request, std::size_t& route_index);
    /// Sets the request's actor from its bearer token or session cookie; returns a response
    /// when the request must be refused before routing (bad bearer token, CSRF, cross origin).
    std::optional<Response> Authenticate(Request& request);
    static void AddSecurityHeaders(Response& response);

    ApiContext context_;
    HttpApiOptions options_;
    std::unique_ptr<Router> router_;
    std::optional<StaticFiles> static_files_;
    std::unique_ptr<Metrics> metrics_;
    OutboxMetrics outbox_metrics_;
    std::size_t static_route_ = 0;
    std::size_t unmatched_route_ = 0;
};

/// Returns the route table: every endpoint of the API, in one place (docs/conventions.md rule 2).
std::vector<Route> BuildRoutes(ApiContext& context, HttpApi& api, const HttpApiOptions& options);

}  // namespace motcua::api
