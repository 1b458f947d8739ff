// The dashboard's ranking and trend, and the drill-down behind a figure.
#include <boost/json.hpp>

#include "api/indicators/indicator_handlers.hpp"
#include "common/time_format.hpp"

namespace motcua::api::indicators {
namespace {

boost::json::value TimeOrNull(const std::optional<Instant>& at) {
    return at ? boost::json::value(FormatUtc(*at)) : boost::json::value(nullptr);
}

boost::json::value ItemJson(const services::DrilldownItem& item) {
    return boost::json::object{
        {"code", item.code},
        {"procedure_code", item.procedure_code},
        {"agency", item.competent_agency},
        {"status", domain::StatusCode(item.status)},
        {"status_name", domain::StatusName(item.status)},
        {"channel", domain::ChannelName(item.channel)},
        {"received_at", TimeOrNull(item.received_at)},
        {"due_at", TimeOrNull(item.due_at)},
        {"finished_at", TimeOrNull(item.finished_at)},
        {"in_denominator", item.judgement.in_denominator},
        {"in_numerator", item.judgement.in_numerator},
        {"reason", item.judgement.reason},
        {"reason_vi", item.reason.vi},
        {"reason_en", item.reason.en},
    };
}

}  // namespace

Response GetRanking(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"period", "parent"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto period = RequiredPeriod(params);
    auto parent = params.Text("parent");
    if (auto error = FirstError(period, parent)) {
        return context.errors.Render(*error);
    }
    const auto snapshot = context.catalog.GetSnapshot();
    const std::string parent_code = parent.Value().value_or(snapshot->GetRootCode());
    auto answers = context.indicators->SharedRanking(parent_code, period.Value());
    if (!answers) {
        return context.errors.Render(answers.GetError());
    }
    boost::json::array agencies;
    const auto& children = answers.Value()->children;
    for (std::size_t i = 0; i < children.size(); ++i) {
        const auto& answer = children[i];
        boost::json::object item = IndexJson(answer, false);
        item["rank"] = answers.Value()->ranks[i];
        const domain::Agency* agency = snapshot->FindAgency(answer.agency_code);
        item["name_vi"] = agency != nullptr ? agency->name_vi : "";
        item["received"] = reporting::Total(answer.inputs.procedures).received;
        item.erase("period");
        agencies.push_back(std::move(item));
    }
    const auto& whole = answers.Value()->parent;
    return JsonResponse(
        boost::json::object{{"period", period.Value().Label()},
                            {"parent", parent_code},
                            {"summary",
                             {{"total_score", reporting::RoundForDisplay(whole.index.total_score)},
                              {"max_score", whole.index.max_score},
                              {"received", reporting::Total(whole.inputs.procedures).received}}},
                            {"agencies", std::move(agencies)}});
}

Response GetTrend(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"agency", "year"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto agency = Required(params, "agency");
    auto year = params.Integer("year", 0);
    if (auto error = FirstError(agency, year)) {
        return context.errors.Render(*error);
    }
    auto months = context.indicators->Trend(agency.Value(), year.Value());
    if (!months) {
        return context.errors.Render(months.GetError());
    }
    boost::json::array items;
    for (const auto& month : months.Value()) {
        boost::json::object item = IndexJson(month, false);
        item.erase("agency");
        item["received"] = reporting::Total(month.inputs.procedures).received;
        items.push_back(std::move(item));
    }
    return JsonResponse(boost::json::object{
        {"agency", agency.Value()}, {"year", year.Value()}, {"months", std::move(items)}});
}

Response GetDrilldown(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown =
            params.RejectUnknown({"agency", "period", "metric", "filter", "cursor", "limit"});
        !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto agency = Required(params, "agency");
    auto period = RequiredPeriod(params);
    auto metric = Required(params, "metric");
    auto filter = params.Enum("filter", services::ParseDrilldownFilter);
    auto cursor = params.Text("cursor");
    auto limit = params.Integer("limit", 50);
    if (auto error = FirstError(agency, period, metric, filter, cursor, limit)) {
        return context.errors.Render(*error);
    }
    services::DrilldownQuery query;
    query.agency_code = agency.Value();
    query.period = period.Value();
    query.metric = metric.Value();
    query.filter = filter.Value().value_or(services::DrilldownFilter::kAll);
    query.cursor = cursor.Value().value_or("");
    query.limit = limit.Value();
    auto page = context.drilldown->List(request.actor, query);
    if (!page) {
        return context.errors.Render(page.GetError());
    }
    boost::json::array items;
    for (const auto& item : page.Value().items) {
        items.push_back(ItemJson(item));
    }
    return JsonResponse(boost::json::object{
        {"agency", query.agency_code},
        {"period", query.period.Label()},
        {"metric", query.metric},
        {"metric_name_vi", page.Value().metric.vi},
        {"metric_name_en", page.Value().metric.en},
        {"filter", services::DrilldownFilterName(query.filter)},
        {"scanned", page.Value().scanned},
        {"items", std::move(items)},
        {"next_cursor", page.Value().next_cursor.empty()
                            ? boost::json::value(nullptr)
                            : boost::json::value(page.Value().next_cursor)},
    });
}

}  // namespace motcua::api::indicators
