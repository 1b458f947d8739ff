#include "api/outbox/outbox_handlers.hpp"

#include <boost/json.hpp>

#include "api/path_id.hpp"
#include "api/query_params.hpp"

namespace motcua::api::outbox {
namespace {

boost::json::value TextOrNull(const std::string& text) {
    return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

boost::json::object RowToJson(const storage::OutboxRow& row, bool with_exchange) {
    boost::json::object json{
        {"id", row.id},
        {"connector", row.connector},
        {"dossier_code", row.dossier_code},
        {"event_seq", row.event_seq},
        {"action", row.action},
        {"state", storage::OutboxStateName(row.state)},
        {"attempts", row.attempts},
        {"created_at", row.created_at},
        {"next_at", row.next_at},
        {"delivered_at", TextOrNull(row.delivered_at)},
        {"last_error", TextOrNull(row.last_error)},
    };
    if (with_exchange) {
        json["sent"] = TextOrNull(row.sent);
        json["answer"] = TextOrNull(row.answer);
    }
    return json;
}

Response NotFound(ApiContext& context, const std::string& id) {
    return context.errors.Render(MakeError(ErrorKind::kNotFound, "outbox_message_not_found", id));
}

}  // namespace

Response ListOutbox(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"connector", "state", "dossier", "limit", "cursor"});
        !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto connector = params.NonEmptyText("connector");
    auto state = params.Enum("state", storage::ParseOutboxState);
    auto dossier = params.NonEmptyText("dossier");
    auto limit = params.Integer("limit", 50);
    auto cursor = params.NonEmptyText("cursor");
    if (auto error = FirstError(connector, state, dossier, limit, cursor)) {
        return context.errors.Render(*error);
    }
    if (limit.Value() < 1 || limit.Value() > 200) {
        return context.errors.Render(InvalidParameter("limit"));
    }
    storage::OutboxFilter filter;
    filter.connector = connector.Value().value_or("");
    filter.state = state.Value();
    filter.dossier_code = dossier.Value().value_or("");
    filter.limit = limit.Value();
    auto page = context.outbox->List(request.actor, filter, cursor.Value().value_or(""));
    if (!page) {
        return context.errors.Render(page.GetError());
    }
    boost::json::array items;
    for (const auto& row : page.Value().items) {
        items.push_back(RowToJson(row, false));
    }
    return JsonResponse(boost::json::object{{"items", std::move(items)},
                                            {"next_cursor", TextOrNull(page.Value().next_cursor)}});
}

Response GetOutboxMessage(ApiContext& context, const Request& request, const std::string& id) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    const auto number = ParsePathId(id);
    if (!number) {
        return NotFound(context, id);
    }
    auto row = context.outbox->Get(request.actor, *number);
    if (!row) {
        return context.errors.Render(row.GetError());
    }
    return JsonResponse(RowToJson(row.Value(), true));
}

Response SettleOutboxMessage(ApiContext& context, const Request& request, const std::string& id,
                             bool retry) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    const auto number = ParsePathId(id);
    if (!number) {
        return NotFound(context, id);
    }
    auto row = retry ? context.outbox->Retry(request.actor, *number)
                     : context.outbox->Skip(request.actor, *number);
    if (!row) {
        return context.errors.Render(row.GetError());
    }
    return JsonResponse(RowToJson(row.Value(), true));
}

}  // namespace motcua::api::outbox
