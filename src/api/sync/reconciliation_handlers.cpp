#include "api/sync/reconciliation_handlers.hpp"

#include <boost/json.hpp>

#include "api/query_params.hpp"
#include "common/time_format.hpp"
#include "services/indicators/indicator_service.hpp"

namespace motcua::api::sync {
namespace {

// Reads agency, period and connector (and, for gap pages, limit and cursor) into a query.
Outcome<services::SyncQuery> ReadQuery(const Request& request, bool paged) {
    const QueryParams params(request);
    if (paged) {
        MOTCUA_RETURN_IF_ERROR(
            params.RejectUnknown({"agency", "period", "connector", "limit", "cursor"}));
    } else {
        MOTCUA_RETURN_IF_ERROR(params.RejectUnknown({"agency", "period", "connector"}));
    }
    auto agency = params.NonEmptyText("agency");
    auto period = params.NonEmptyText("period");
    auto connector = params.NonEmptyText("connector");
    auto limit = params.Integer("limit", 50);
    auto cursor = params.NonEmptyText("cursor");
    if (auto error = FirstError(agency, period, connector, limit, cursor)) {
        return *error;
    }
    const std::optional<std::string>& agency_code = agency.Value();
    const std::optional<std::string>& period_text = period.Value();
    const std::optional<std::string>& connector_name = connector.Value();
    if (!agency_code.has_value()) {
        return InvalidParameter("agency");
    }
    const std::optional<reporting::Period> parsed =
        period_text.has_value() ? services::ParsePeriod(period_text.value()) : std::nullopt;
    if (!parsed.has_value()) {
        return InvalidParameter("period");
    }
    if (connector_name.has_value() && connector_name.value() != "dvcqg") {
        return InvalidParameter("connector");
    }
    services::SyncQuery query;
    query.agency_code = agency_code.value();
    query.period = parsed.value();
    query.limit = limit.Value();
    query.cursor = cursor.Value().value_or("");
    return query;
}

boost::json::object TallyToJson(const storage::SyncTally& tally,
                                const services::CatalogSnapshot& catalog) {
    const auto* agency = catalog.FindAgency(tally.agency_code);
    return {{"agency", tally.agency_code},
            {"agency_name_vi", agency != nullptr ? agency->name_vi : ""},
            {"received", tally.received},
            {"pushed", tally.pushed},
            {"acknowledged", tally.acknowledged},
            {"gaps", tally.received - tally.acknowledged}};
}

}  // namespace

Response GetReconciliation(ApiContext& context, const Request& request) {
    auto query = ReadQuery(request, false);
    if (!query) {
        return context.errors.Render(query.GetError());
    }
    auto answer = context.sync->Reconcile(request.actor, query.Value());
    if (!answer) {
        return context.errors.Render(answer.GetError());
    }
    const auto catalog = context.catalog.GetSnapshot();
    boost::json::array agencies;
    for (const auto& tally : answer.Value().agencies) {
        agencies.push_back(TallyToJson(tally, *catalog));
    }
    auto body = TallyToJson(answer.Value().total, *catalog);
    body["connector"] = query.Value().connector;
    body["period"] = query.Value().period.Label();
    body["agencies"] = std::move(agencies);
    return JsonResponse(body);
}

Response ListSyncGaps(ApiContext& context, const Request& request) {
    auto query = ReadQuery(request, true);
    if (!query) {
        return context.errors.Render(query.GetError());
    }
    auto page = context.sync->ListGaps(request.actor, query.Value());
    if (!page) {
        return context.errors.Render(page.GetError());
    }
    boost::json::array items;
    for (const auto& gap : page.Value().items) {
        items.push_back(boost::json::object{
            {"code", gap.code},
            {"agency", gap.agency_code},
            {"received_at", StoredInVietnam(gap.received_at)},
            {"status", gap.status},
            {"delivered", gap.delivered},
            {"pending", gap.pending},
            {"dead", gap.dead},
            {"last_error", gap.last_error.empty() ? boost::json::value(nullptr)
                                                  : boost::json::value(gap.last_error)}});
    }
    return JsonResponse(
        boost::json::object{{"items", std::move(items)},
                            {"next_cursor", page.Value().next_cursor.empty()
                                                ? boost::json::value(nullptr)
                                                : boost::json::value(page.Value().next_cursor)}});
}

}  // namespace motcua::api::sync
