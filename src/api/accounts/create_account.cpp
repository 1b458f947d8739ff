#include "api/accounts/account_handlers.hpp"
#include "api/json/account_json.hpp"
#include "api/json/request_body.hpp"

namespace motcua::api::accounts {
namespace {

Outcome<std::vector<domain::RoleGrant>> ParseRoles(const boost::json::object& body) {
    std::vector<domain::RoleGrant> grants;
    const auto* roles = body.if_contains("roles");
    if (roles == nullptr || roles->is_null()) {
        return grants;
    }
    if (!roles->is_array()) {
        return InvalidParameter("roles");
    }
    for (const auto& item : roles->get_array()) {
        if (!item.is_object()) {
            return InvalidParameter("roles");
        }
        auto role_name = json::RequiredString(item.get_object(), "role");
        auto agency = json::OptionalString(item.get_object(), "agency");
        if (auto error = FirstError(role_name, agency)) {
            return InvalidParameter("roles");
        }
        const auto role = domain::ParseRole(role_name.Value());
        if (!role) {
            return InvalidParameter("roles");
        }
        grants.push_back({*role, agency.Value()});
    }
    return grants;
}

}  // namespace

Response CreateAccount(ApiContext& context, const Request& request) {
    auto body = json::ParseJsonBody(request);
    if (!body) {
        return context.errors.Render(body.GetError());
    }
    const auto& fields = body.Value();
    auto kind_name = json::RequiredString(fields, "kind");
    auto login = json::RequiredString(fields, "login");
    auto name = json::RequiredString(fields, "name");
    auto phone = json::OptionalString(fields, "phone");
    auto email = json::OptionalString(fields, "email");
    auto agency = json::OptionalString(fields, "agency_code");
    auto title = json::OptionalString(fields, "title");
    auto representative = json::OptionalString(fields, "representative");
    auto password = json::OptionalString(fields, "password");
    auto roles = ParseRoles(fields);
    if (auto error = FirstError(kind_name, login, name, phone, email, agency, title, representative,
                                password, roles)) {
        return context.errors.Render(*error);
    }
    const auto kind = domain::ParseAccountKind(kind_name.Value());
    if (!kind) {
        return context.errors.Render(InvalidParameter("kind"));
    }
    auto created = context.accounts->Create(
        request.actor,
        {*kind, login.Value(), name.Value(), phone.Value(), email.Value(), agency.Value(),
         title.Value(), representative.Value(), password.Value(), roles.Value()});
    if (!created) {
        return context.errors.Render(created.GetError());
    }
    boost::json::object reply{{"account", json::AccountToJson(created.Value().account)}};
    if (!created.Value().generated_password.empty()) {
        // Shown once, to the administrator who created the account; never stored or logged.
        reply["generated_password"] = created.Value().generated_password;
    }
    return JsonResponse(reply, 201);
}

}  // namespace motcua::api::accounts
