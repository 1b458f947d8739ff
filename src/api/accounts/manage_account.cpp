#include "api/accounts/account_handlers.hpp"
#include "api/json/account_json.hpp"
#include "api/json/request_body.hpp"
#include "api/path_id.hpp"
#include "api/query_params.hpp"

namespace motcua::api::accounts {
namespace {

Response AccountNotFound(ApiContext& context, const std::string& id) {
    return context.errors.Render(MakeError(ErrorKind::kNotFound, "account_not_found", id));
}

Response RenderAccount(ApiContext& context, const Outcome<domain::Account>& account) {
    return account ? JsonResponse(json::AccountToJson(account.Value()))
                   : context.errors.Render(account.GetError());
}

}  // namespace

Response GetAccount(ApiContext& context, const Request& request, const std::string& id) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    const auto account_id = ParsePathId(id);
    if (!account_id) {
        return AccountNotFound(context, id);
    }
    return RenderAccount(context, context.accounts->Get(request.actor, *account_id));
}

Response SetAccountDisabled(ApiContext& context, const Request& request, const std::string& id,
                            bool disabled) {
    const auto account_id = ParsePathId(id);
    if (!account_id) {
        return AccountNotFound(context, id);
    }
    return RenderAccount(context,
                         context.accounts->SetDisabled(request.actor, *account_id, disabled));
}

Response ResetAccountPassword(ApiContext& context, const Request& request, const std::string& id) {
    const auto account_id = ParsePathId(id);
    if (!account_id) {
        return AccountNotFound(context, id);
    }
    std::string password;
    if (!request.body.empty()) {
        auto body = json::ParseJsonBody(request);
        if (!body) {
            return context.errors.Render(body.GetError());
        }
        auto chosen = json::OptionalString(body.Value(), "password");
        if (!chosen) {
            return context.errors.Render(chosen.GetError());
        }
        password = chosen.Value();
    }
    auto generated = context.accounts->ResetPassword(request.actor, *account_id, password);
    if (!generated) {
        return context.errors.Render(generated.GetError());
    }
    boost::json::object reply{{"reset", true}};
    if (!generated.Value().empty()) {
        reply["generated_password"] = generated.Value();
    }
    return JsonResponse(reply);
}

Response GrantRole(ApiContext& context, const Request& request, const std::string& id) {
    const auto account_id = ParsePathId(id);
    if (!account_id) {
        return AccountNotFound(context, id);
    }
    auto body = json::ParseJsonBody(request);
    if (!body) {
        return context.errors.Render(body.GetError());
    }
    auto role_name = json::RequiredString(body.Value(), "role");
    auto agency = json::OptionalString(body.Value(), "agency");
    if (auto error = FirstError(role_name, agency)) {
        return context.errors.Render(*error);
    }
    const auto role = domain::ParseRole(role_name.Value());
    if (!role) {
        return context.errors.Render(InvalidParameter("role"));
    }
    return RenderAccount(
        context, context.accounts->Grant(request.actor, *account_id, {*role, agency.Value()}));
}

Response RevokeRole(ApiContext& context, const Request& request, const std::string& id) {
    const auto account_id = ParsePathId(id);
    if (!account_id) {
        return AccountNotFound(context, id);
    }
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"role", "agency"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto role = params.Enum("role", domain::ParseRole);
    auto agency = params.Text("agency");
    if (auto error = FirstError(role, agency)) {
        return context.errors.Render(*error);
    }
    const auto& revoked = role.Value();
    if (!revoked) {
        return context.errors.Render(InvalidParameter("role"));
    }
    return RenderAccount(context,
                         context.accounts->Revoke(request.actor, *account_id,
                                                  {*revoked, agency.Value().value_or("")}));
}

}  // namespace motcua::api::accounts
