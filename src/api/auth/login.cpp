#include "api/auth/auth_handlers.hpp"
#include "api/json/account_json.hpp"
#include "api/json/request_body.hpp"
#include "common/json_text.hpp"
#include "common/time_format.hpp"

namespace motcua::api::auth {

Response Login(ApiContext& context, const Request& request) {
    auto body = json::ParseJsonBody(request);
    if (!body) {
        return context.errors.Render(body.GetError());
    }
    auto login = json::RequiredString(body.Value(), "login");
    auto password = json::RequiredString(body.Value(), "password");
    auto session = json::OptionalChoice(body.Value(), "session");
    if (auto error = FirstError(login, password, session)) {
        return context.errors.Render(*error);
    }
    if (!session.Value().empty() && session.Value() != "cookie" && session.Value() != "bearer") {
        return context.errors.Render(InvalidParameter("session"));
    }
    const auto kind = session.Value() == "cookie" ? services::SessionKind::kCookie
                                                  : services::SessionKind::kBearer;
    auto result =
        context.auth->Login(login.Value(), password.Value(), kind, request.remote_address);
    if (!result) {
        return context.errors.Render(result.GetError());
    }
    const auto& signed_in = result.Value();
    boost::json::object reply{{"account", json::AccountToJson(signed_in.account)},
                              {"expires_at", FormatVietnam(signed_in.expires_at)}};
    Response response;
    if (kind == services::SessionKind::kCookie) {
        reply["csrf_token"] = signed_in.csrf_token;
        response.With("Set-Cookie", std::string(kSessionCookie) + "=" + signed_in.token +
                                        "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                                        std::to_string(context.cookie.lifetime.count() * 60) +
                                        (context.cookie.secure ? "; Secure" : ""));
    } else {
        reply["token"] = signed_in.token;
        reply["token_type"] = "Bearer";
    }
    response.body = ToJsonText(reply);
    return response;
}

Response Logout(ApiContext& context, const Request& request) {
    if (request.session_token.empty()) {
        return context.errors.Render(
            MakeError(ErrorKind::kUnauthenticated, "authentication_required"));
    }
    auto session = context.auth->Authenticate(request.session_token, request.remote_address);
    if (!session) {
        return context.errors.Render(session.GetError());
    }
    if (auto done = context.auth->Logout(session.Value()); !done) {
        return context.errors.Render(done.GetError());
    }
    Response response{204, "application/json", "", {}};
    response.With("Set-Cookie", std::string(kSessionCookie) +
                                    "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" +
                                    (context.cookie.secure ? "; Secure" : ""));
    return response;
}

}  // namespace motcua::api::auth
