#include "api/auth/auth_handlers.hpp"
#include "api/json/account_json.hpp"
#include "api/json/request_body.hpp"
#include "api/query_params.hpp"

namespace motcua::api::auth {

Response GetMe(ApiContext& context, const Request& request) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto account = context.auth->GetOwnAccount(request.actor);
    if (!account) {
        return context.errors.Render(account.GetError());
    }
    return JsonResponse(json::AccountToJson(account.Value()));
}

Response ChangeMyPassword(ApiContext& context, const Request& request) {
    auto body = json::ParseJsonBody(request);
    if (!body) {
        return context.errors.Render(body.GetError());
    }
    auto current = json::RequiredString(body.Value(), "current_password");
    auto replacement = json::RequiredString(body.Value(), "new_password");
    if (auto error = FirstError(current, replacement)) {
        return context.errors.Render(*error);
    }
    if (request.session_token.empty()) {
        return context.errors.Render(
            MakeError(ErrorKind::kUnauthenticated, "authentication_required"));
    }
    auto session = context.auth->Authenticate(request.session_token, request.remote_address);
    if (!session) {
        return context.errors.Render(session.GetError());
    }
    auto changed =
        context.auth->ChangeOwnPassword(session.Value(), current.Value(), replacement.Value());
    if (!changed) {
        return context.errors.Render(changed.GetError());
    }
    return Response{204, "application/json", "", {}};
}

}  // namespace motcua::api::auth
