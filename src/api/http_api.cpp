#include "api/http_api.hpp"

#include <algorithm>
#include <chrono>

#include <spdlog/spdlog.h>

#include "api/auth/auth_handlers.hpp"
#include "api/client_address.hpp"

namespace motcua::api {

HttpApi::HttpApi(ApiContext context, HttpApiOptions options)
    : context_(context), options_(std::move(options)) {
    router_ = std::make_unique<Router>(BuildRoutes(context_, *this, options_));
    if (options_.web_root) {
        static_files_.emplace(*options_.web_root);
    }
    std::vector<std::string> names;
    for (const auto& route : router_->GetRoutes()) {
        names.push_back(route.method + " " + route.pattern);
    }
    static_route_ = names.size();
    names.emplace_back("static");
    unmatched_route_ = names.size();
    names.emplace_back("unmatched");
    metrics_ = std::make_unique<Metrics>(std::move(names));
}

namespace {

bool IsUnsafe(std::string_view method) {
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// Same origin means the Origin header names this very host (any scheme the proxy used).
bool IsSameOrigin(std::string_view origin, std::string_view host) {
    for (const std::string_view scheme : {"http://", "https://"}) {
        if (origin.substr(0, scheme.size()) == scheme && origin.substr(scheme.size()) == host) {
            return true;
        }
    }
    return false;
}

}  // namespace

namespace {

// The presented session token: a bearer token, else the session cookie.
std::string TokenOf(const Request& request, bool& is_bearer) {
    const auto bearer = request.BearerToken();
    is_bearer = bearer.has_value();
    return std::string(bearer ? *bearer : request.Cookie(auth::kSessionCookie));
}

bool IsMetricsScrape(const Request& request) {
    return (request.method == "GET" || request.method == "HEAD") && request.segments.size() == 1 &&
           request.segments.front() == "metrics";
}

// What a session signed in with a one-time password may call: who am I, set my own password,
// sign out — and everything outside the API (the web application's files, health, metrics).
bool IsOpenWithOneTimePassword(const Request& request) {
    if (request.segments.empty() || request.segments.front() != "api") {
        return true;
    }
    const auto is = [&](std::string_view method, std::initializer_list<std::string_view> path) {
        return request.method == method &&
               std::equal(request.segments.begin(), request.segments.end(), path.begin(),
                          path.end());
    };
    return is("GET", {"api", "v1", "me"}) || is("POST", {"api", "v1", "me", "password"}) ||
           is("POST", {"api", "v1", "auth", "logout"});
}

}  // namespace

bool HttpApi::HasValidSession(const Request& header_only) const {
    bool is_bearer = false;
    const std::string token = TokenOf(header_only, is_bearer);
    // Only whether it is valid: the client's address plays no part in that.
    return context_.auth != nullptr && !token.empty() &&
           context_.auth->Authenticate(token, header_only.remote_address).HasValue();
}

std::optional<Response> HttpApi::Authenticate(Request& request) {
    request.actor = domain::Actor::Anonymous(request.remote_address);
    if (IsUnsafe(request.method)) {
        // Strict CORS: the API serves its own origin only. Browsers send Origin on every
        // cross-site unsafe request, so a mismatch is refused before anything runs.
        const auto origin = request.Header("origin");
        if (!origin.empty() && !IsSameOrigin(origin, request.Header("host"))) {
            return context_.errors.Render(MakeError(ErrorKind::kForbidden, "cross_origin_refused"));
        }
    }
    if (context_.auth == nullptr || IsMetricsScrape(request)) {
        // A scraper's Bearer token is the metrics token, not a session (metrics_access.hpp).
        return std::nullopt;
    }
    bool is_bearer = false;
    const std::string token = TokenOf(request, is_bearer);
    if (token.empty()) {
        return std::nullopt;
    }
    auto session = context_.auth->Authenticate(token, request.remote_address);
    if (!session) {
        // An API client must learn its token is dead; a browser with a stale cookie simply
        // browses as the public.
        if (is_bearer || session.GetError().kind != ErrorKind::kUnauthenticated) {
            return context_.errors.Render(session.GetError());
        }
        return std::nullopt;
    }
    if (IsUnsafe(request.method) &&
        !services::AuthService::IsCsrfValid(session.Value(), request.Header("x-csrf-token"))) {
        return context_.errors.Render(MakeError(ErrorKind::kForbidden, "csrf_failed"));
    }
    request.actor = std::move(session.Value().actor);
    request.session_token = token;
    if (request.actor.must_change_password && !IsOpenWithOneTimePassword(request)) {
        // A one-time password (an administrator's reset) opens nothing but its own replacement.
        return context_.errors.Render(MakeError(ErrorKind::kForbidden, "password_change_required"));
    }
    return std::nullopt;
}

Response HttpApi::Handle(Request request) {
    const auto started = std::chrono::steady_clock::now();
    if (!options_.trusted_proxies.empty()) {
        request.remote_address = ClientAddress(
            request.remote_address, request.Header("x-forwarded-for"), options_.trusted_proxies);
    }
    std::size_t route_index = unmatched_route_;
    Response response;
    try {
        auto refused = Authenticate(request);
        response = refused ? *std::move(refused) : Dispatch(request, route_index);
    } catch (const std::exception& failure) {
        spdlog::error("unhandled exception on {} {}: {}", request.method, request.target,
                      failure.what());
        response = context_.errors.Render(500, "internal_error");
    }
    AddSecurityHeaders(response);
    metrics_->RecordRefusal(response.problem_code);
    metrics_->Record(route_index, response.status,
                     std::chrono::duration_cast<std::chrono::microseconds>(
                         std::chrono::steady_clock::now() - started));
    return response;
}

Response HttpApi::HandleProtocolError(int status, std::string_view code) {
    Response response = context_.errors.Render(status, code);
    AddSecurityHeaders(response);
    metrics_->RecordRefusal(code);
    metrics_->Record(unmatched_route_, status, std::chrono::microseconds{0});
    return response;
}

Response HttpApi::Dispatch(const Request& request, std::size_t& route_index) {
    const auto match = router_->Match(request.method, request.segments);
    if (match.route != nullptr && match.route->caller == Caller::kSignedIn &&
        request.actor.IsAnonymous()) {
        // Before the handler parses anything: the anonymous learn nothing of the route's rules.
        route_index = match.index;
        return context_.errors.Render(
            MakeError(ErrorKind::kUnauthenticated, "authentication_required"));
    }
    if (match.route != nullptr && (request.method == "POST" || request.method == "PUT") &&
        !request.query.empty()) {
        // No creating or changing route takes query parameters: a stray one is a client error,
        // never silently ignored.
        route_index = match.index;
        return context_.errors.Render(InvalidParameter(request.query.front().first));
    }
    if (match.route != nullptr) {
        route_index = match.index;
        Response response = match.route->handler(request, match.params);
        const bool has_cache_control =
            std::any_of(response.headers.begin(), response.headers.end(),
                        [](const auto& header) { return header.first == "Cache-Control"; });
        if (!has_cache_control) {
            response.With("Cache-Control", "no-store");  // API answers are never cached.
        }
        return response;
    }
    if (!match.allowed_methods.empty()) {
        std::string allow;
        for (const auto& method : match.allowed_methods) {
            allow += (allow.empty() ? "" : ", ") + method + (method == "GET" ? ", HEAD" : "");
        }
        return context_.errors.Render(405, "method_not_allowed").With("Allow", allow);
    }
    const bool is_api = !request.segments.empty() && request.segments.front() == "api";
    if (!is_api && static_files_ && (request.method == "GET" || request.method == "HEAD")) {
        if (auto file = static_files_->Serve(request)) {
            route_index = static_route_;
            return *std::move(file);
        }
    }
    return context_.errors.Render(404, "not_found");
}

void HttpApi::AddSecurityHeaders(Response& response) {
    response.With("X-Content-Type-Options", "nosniff");
    response.With("Referrer-Policy", "strict-origin-when-cross-origin");
    response.With("X-Frame-Options", "DENY");
    response.With("Content-Security-Policy",
                  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                  "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
}

}  // namespace motcua::api
