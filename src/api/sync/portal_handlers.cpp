#include "api/sync/portal_handlers.hpp"

#include <algorithm>
#include <charconv>

#include <boost/json.hpp>

#include "api/json/request_body.hpp"
#include "api/query_params.hpp"

namespace motcua::api::sync {
namespace {

constexpr std::string_view kKinds[] = {"procedure", "agency", "dossier"};
constexpr std::string_view kStatuses[] = {"pending", "accepted", "dismissed"};
constexpr std::string_view kDecisionFields[] = {"note", "agency", "procedure"};

boost::json::value TextOrNull(const std::string& text) {
    return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

boost::json::object ItemToJson(const storage::PortalReviewItem& item) {
    boost::system::error_code error;
    boost::json::value record = boost::json::parse(item.payload_json, error);
    if (error) {
        record = nullptr;
    }
    return {{"id", item.id},
            {"connector", item.connector},
            {"kind", item.kind},
            {"code", item.code},
            {"change", item.change},
            {"record", std::move(record)},
            {"reason", item.reason},
            {"status", item.status},
            {"first_seen_at", item.first_seen_at},
            {"last_seen_at", item.last_seen_at},
            {"decided_by", TextOrNull(item.decided_by)},
            {"decided_at", TextOrNull(item.decided_at)},
            {"note", TextOrNull(item.note)}};
}

bool IsOneOf(const std::optional<std::string>& value, std::span<const std::string_view> choices) {
    return !value.has_value() ||
           std::find(choices.begin(), choices.end(), value.value()) != choices.end();
}

Response NotConnected(ApiContext& context) {
    return context.errors.Render(MakeError(ErrorKind::kConflict, "portal_not_connected"));
}

Outcome<services::ReviewDecision> ParseDecision(const Request& request, bool accept) {
    MOTCUA_ASSIGN_OR_RETURN(auto body, json::ParseJsonBody(request));
    for (const auto& field : body) {
        const bool known = std::find(std::begin(kDecisionFields), std::end(kDecisionFields),
                                     field.key()) != std::end(kDecisionFields);
        // Only an acceptance says where and under which procedure a dossier is created.
        if (!known || (!accept && field.key() != "note")) {
            return InvalidParameter(field.key());
        }
    }
    auto note = json::OptionalString(body, "note");
    auto agency = json::OptionalString(body, "agency");
    auto procedure = json::OptionalString(body, "procedure");
    if (auto error = FirstError(note, agency, procedure)) {
        return *error;
    }
    return services::ReviewDecision{.accept = accept,
                                    .note = std::move(note).Value(),
                                    .agency = std::move(agency).Value(),
                                    .procedure = std::move(procedure).Value()};
}

}  // namespace

Response ListPortalReview(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"kind", "status", "limit", "cursor"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto kind = params.NonEmptyText("kind");
    auto status = params.NonEmptyText("status");
    auto limit = params.Integer("limit", 50);
    auto cursor = params.NonEmptyText("cursor");
    if (auto error = FirstError(kind, status, limit, cursor)) {
        return context.errors.Render(*error);
    }
    if (!IsOneOf(kind.Value(), kKinds)) {
        return context.errors.Render(InvalidParameter("kind"));
    }
    if (!IsOneOf(status.Value(), kStatuses)) {
        return context.errors.Render(InvalidParameter("status"));
    }
    if (limit.Value() < 1 || limit.Value() > 200) {
        return context.errors.Render(InvalidParameter("limit"));
    }
    if (context.portal == nullptr) {
        return NotConnected(context);
    }
    services::ReviewQuery query{.kind = kind.Value().value_or(""),
                                .status = status.Value().value_or(""),
                                .cursor = cursor.Value().value_or(""),
                                .limit = limit.Value()};
    auto page = context.portal->ListReview(request.actor, query);
    if (!page) {
        return context.errors.Render(page.GetError());
    }
    boost::json::array items;
    for (const auto& item : page.Value().items) {
        items.push_back(ItemToJson(item));
    }
    boost::json::object pending{{"procedure", 0}, {"agency", 0}, {"dossier", 0}};
    for (const auto& [what, count] : page.Value().pending) {
        pending[what] = count;
    }
    return JsonResponse(boost::json::object{{"items", std::move(items)},
                                            {"pending", std::move(pending)},
                                            {"next_cursor", TextOrNull(page.Value().next_cursor)}});
}

Response DecidePortalReview(ApiContext& context, const Request& request, const std::string& id,
                            bool accept) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    std::int64_t number = 0;
    const auto* end = id.data() + id.size();
    if (id.empty() || std::from_chars(id.data(), end, number).ptr != end || number <= 0) {
        return context.errors.Render(
            MakeError(ErrorKind::kNotFound, "portal_review_not_found", id));
    }
    auto decision = ParseDecision(request, accept);
    if (!decision) {
        return context.errors.Render(decision.GetError());
    }
    if (context.portal == nullptr) {
        return NotConnected(context);
    }
    auto item = context.portal->Decide(request.actor, number, decision.Value());
    if (!item) {
        return context.errors.Render(item.GetError());
    }
    return JsonResponse(ItemToJson(item.Value()));
}

Response PullPortalDossiers(ApiContext& context, const Request& request) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    if (context.portal == nullptr) {
        return NotConnected(context);
    }
    auto summary = context.portal->PullDossiersNow(request.actor);
    if (!summary) {
        return context.errors.Render(summary.GetError());
    }
    const auto& pulled = summary.Value();
    return JsonResponse(boost::json::object{{"pages", pulled.pages},
                                            {"created", pulled.created},
                                            {"known", pulled.known},
                                            {"queued", pulled.queued},
                                            {"skipped", pulled.skipped},
                                            {"cursor", pulled.cursor},
                                            {"complete", pulled.complete},
                                            {"error", TextOrNull(pulled.error)}});
}

Response PullPortalCatalogue(ApiContext& context, const Request& request) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    if (context.portal == nullptr) {
        return NotConnected(context);
    }
    auto summary = context.portal->PullCatalogueNow(request.actor);
    if (!summary) {
        return context.errors.Render(summary.GetError());
    }
    const auto& pulled = summary.Value();
    return JsonResponse(boost::json::object{{"procedures", pulled.procedures},
                                            {"agencies", pulled.agencies},
                                            {"differences", pulled.differences},
                                            {"queued", pulled.queued},
                                            {"resolved", pulled.resolved},
                                            {"skipped", pulled.skipped},
                                            {"complete", pulled.complete},
                                            {"error", TextOrNull(pulled.error)}});
}

}  // namespace motcua::api::sync
