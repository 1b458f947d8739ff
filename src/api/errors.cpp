#include "api/errors.hpp"

#include <boost/beast/http/status.hpp>
#include <boost/json.hpp>

namespace motcua::api {

Error InvalidParameter(std::string_view param, std::string detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_parameter", std::string(param),
                     std::move(detail));
}

int StatusOf(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::kInvalid:
            return 400;
        case ErrorKind::kUnauthenticated:
            return 401;
        case ErrorKind::kForbidden:
            return 403;
        case ErrorKind::kNotFound:
            return 404;
        case ErrorKind::kConflict:
        case ErrorKind::kInvalidTransition:
            return 409;
        case ErrorKind::kTooLarge:
            return 413;
        case ErrorKind::kUnsupportedMediaType:
            return 415;
        case ErrorKind::kRateLimited:
            return 429;
        case ErrorKind::kUnavailable:
            return 503;
    }
    return 500;  // Unreachable: every kind is listed above (-Wswitch checks it).
}

Response ErrorRenderer::Render(const Error& error) const {
    Response response = Render(StatusOf(error.kind), error.code, error.param);
    if (error.kind == ErrorKind::kInvalidTransition) {
        // Always present on a refused action, even when the caller may do nothing now.
        auto body = boost::json::parse(response.body).as_object();
        body["allowed_actions"] = boost::json::value_from(error.allowed_actions);
        response.body = boost::json::serialize(body);
    }
    if (error.retry_after_seconds > 0) {
        response.With("Retry-After", std::to_string(error.retry_after_seconds));
    }
    if (!error.detail.empty() && error.kind == ErrorKind::kInvalid) {
        // Validation details help API clients; other kinds may carry internal text, kept in logs.
        auto body = boost::json::parse(response.body).as_object();
        body["detail"] = error.detail;
        response.body = boost::json::serialize(body);
    }
    return response;
}

Response ErrorRenderer::Render(int status, std::string_view code, std::string_view param) const {
    const auto text = messages_.Render(code, param);
    boost::json::object body{
        {"type", "about:blank"},
        {"title", std::string(boost::beast::http::obsolete_reason(
                      static_cast<boost::beast::http::status>(status)))},
        {"status", status},
        {"code", code},
        {"message_vi", text.vi},
        {"message_en", text.en},
    };
    if (!param.empty()) {
        body["param"] = param;
    }
    Response response{
        status, "application/problem+json", boost::json::serialize(body), {}, std::string(code)};
    response.With("Cache-Control", "no-store");  // An error is about this request only.
    if (status == 401) {
        response.With("WWW-Authenticate", R"(Bearer realm="motcua")");
    }
    return response;
}

}  // namespace motcua::api
