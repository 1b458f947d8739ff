#include "api/accounts/account_handlers.hpp"
#include "api/json/account_json.hpp"
#include "api/query_params.hpp"

namespace motcua::api::accounts {

Response ListAccounts(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"kind", "agency", "login_prefix", "limit", "cursor"});
        !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto kind = params.Enum("kind", domain::ParseAccountKind);
    auto agency = params.Text("agency");
    auto prefix = params.Text("login_prefix");
    auto limit = params.Integer("limit", 50);
    auto cursor = params.NonEmptyText("cursor");
    if (auto error = FirstError(kind, agency, prefix, limit, cursor)) {
        return context.errors.Render(*error);
    }
    auto page = context.accounts->List(
        request.actor, {kind.Value(), agency.Value(), prefix.Value().value_or(""), limit.Value(),
                        cursor.Value().value_or("")});
    if (!page) {
        return context.errors.Render(page.GetError());
    }
    boost::json::array items;
    for (const auto& account : page.Value().items) {
        items.push_back(json::AccountToJson(account));
    }
    return JsonResponse(
        boost::json::object{{"items", std::move(items)},
                            {"next_cursor", page.Value().next_cursor.empty()
                                                ? boost::json::value(nullptr)
                                                : boost::json::value(page.Value().next_cursor)}});
}

}  // namespace motcua::api::accounts
