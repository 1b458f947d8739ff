#include "api/audit/list_audit.hpp"

#include "api/json/account_json.hpp"
#include "api/query_params.hpp"
#include "common/time_format.hpp"

namespace motcua::api::audit {

Response ListAudit(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown(
            {"actor", "action", "target_kind", "target_id", "from", "to", "limit", "cursor"});
        !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto actor = params.Integer("actor", 0);
    auto action = params.Text("action");
    auto target_kind = params.Text("target_kind");
    auto target_id = params.Text("target_id");
    auto from = params.Text("from");
    auto to = params.Text("to");
    auto limit = params.Integer("limit", 50);
    auto cursor = params.NonEmptyText("cursor");
    if (auto error = FirstError(actor, action, target_kind, target_id, from, to, limit, cursor)) {
        return context.errors.Render(*error);
    }
    if (actor.Value() < 0) {  // Account ids start at 1; 0 means every actor.
        return context.errors.Render(InvalidParameter("actor"));
    }
    storage::AuditFilter filter;
    filter.actor_id = actor.Value();
    filter.action_prefix = action.Value().value_or("");
    filter.target_kind = target_kind.Value().value_or("");
    filter.target_id = target_id.Value().value_or("");
    for (auto [text, bound, name] : {std::tuple{&from.Value(), &filter.from, "from"},
                                     std::tuple{&to.Value(), &filter.to, "to"}}) {
        if (*text) {
            const auto instant = ParseRfc3339(**text);
            if (!instant) {
                return context.errors.Render(InvalidParameter(name));
            }
            *bound = FormatUtc(*instant);
        }
    }
    filter.limit = limit.Value();
    auto page = context.audit->Query(request.actor, filter, cursor.Value().value_or(""));
    if (!page) {
        return context.errors.Render(page.GetError());
    }
    boost::json::array items;
    for (const auto& record : page.Value().items) {
        items.push_back(json::AuditRecordToJson(record));
    }
    return JsonResponse(
        boost::json::object{{"items", std::move(items)},
                            {"next_cursor", page.Value().next_cursor.empty()
                                                ? boost::json::value(nullptr)
                                                : boost::json::value(page.Value().next_cursor)}});
}

}  // namespace motcua::api::audit
