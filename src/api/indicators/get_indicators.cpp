#include <boost/json.hpp>

#include "api/indicators/indicator_handlers.hpp"
#include "api/query_params.hpp"

namespace motcua::api::indicators {
namespace {

boost::json::value Number(const std::optional<double>& value) {
    return value ? boost::json::value(reporting::RoundForDisplay(*value))
                 : boost::json::value(nullptr);
}

boost::json::object MetricJson(const reporting::MetricResult& metric) {
    boost::json::object json;
    json["code"] = metric.code;
    json["id"] = metric.id;
    json["numerator"] = metric.numerator;
    json["denominator"] = metric.denominator;
    json["ratio"] = Number(metric.ratio);
    json["score"] = Number(metric.score);
    json["max_score"] = metric.max_score;
    json["status"] = reporting::MetricStatusName(metric.status);
    if (!metric.note.empty()) {
        json["note"] = metric.note;
    }
    return json;
}

}  // namespace

boost::json::object IndexJson(const services::IndexAnswer& answer, bool with_metrics) {
    boost::json::array groups;
    for (const auto& group : answer.index.groups) {
        boost::json::object item;
        item["code"] = reporting::GroupApiName(group.code);
        item["name_vi"] = reporting::GroupNameVi(group.code);
        item["name_en"] = reporting::GroupNameEn(group.code);
        item["score"] = reporting::RoundForDisplay(group.score);
        item["max_score"] = group.max_score;
        if (with_metrics) {
            boost::json::array metrics;
            for (const auto& metric : group.metrics) {
                metrics.push_back(MetricJson(metric));
            }
            item["metrics"] = std::move(metrics);
        }
        groups.push_back(std::move(item));
    }
    boost::json::object reply;
    reply["agency"] = answer.agency_code;
    reply["period"] = answer.period.Label();
    reply["total_score"] = reporting::RoundForDisplay(answer.index.total_score);
    reply["max_score"] = answer.index.max_score;
    reply["groups"] = std::move(groups);
    return reply;
}

Outcome<std::string> Required(const QueryParams& params, std::string_view name) {
    MOTCUA_ASSIGN_OR_RETURN(auto text, params.Text(name));
    if (!text || text->empty()) {
        return InvalidParameter(name);
    }
    return *text;
}

Outcome<reporting::Period> RequiredPeriod(const QueryParams& params) {
    MOTCUA_ASSIGN_OR_RETURN(auto text, Required(params, "period"));
    const auto period = services::ParsePeriod(text);
    if (!period) {
        return InvalidParameter("period");
    }
    return *period;
}

Response GetIndex766(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"agency", "period"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto agency = Required(params, "agency");
    auto period = RequiredPeriod(params);
    if (auto error = FirstError(agency, period)) {
        return context.errors.Render(*error);
    }
    auto answer = context.indicators->Index766(agency.Value(), period.Value());
    if (!answer) {
        return context.errors.Render(answer.GetError());
    }
    return JsonResponse(IndexJson(answer.Value(), true));
}

Response GetPlanIndicators(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"agency", "year"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto agency = Required(params, "agency");
    auto year = params.Integer("year", 0);
    if (auto error = FirstError(agency, year)) {
        return context.errors.Render(*error);
    }
    auto results =
        context.indicators->Plan(agency.Value(), year.Value(), services::DefaultPlanTargets());
    if (!results) {
        return context.errors.Render(results.GetError());
    }
    boost::json::array items;
    for (const auto& result : results.Value()) {
        boost::json::object item;
        item["id"] = result.id;
        item["name_vi"] = result.name_vi;
        item["name_en"] = result.name_en;
        item["source"] = result.source;
        item["target"] = Number(result.target);
        item["actual"] = Number(result.actual);
        item["numerator"] = result.numerator;
        item["denominator"] = result.denominator;
        item["met"] = result.met ? boost::json::value(*result.met) : boost::json::value(nullptr);
        item["status"] = reporting::MetricStatusName(result.status);
        items.push_back(std::move(item));
    }
    boost::json::object reply;
    reply["year"] = year.Value();
    reply["agency"] = agency.Value();
    reply["indicators"] = std::move(items);
    return JsonResponse(reply);
}

}  // namespace motcua::api::indicators
