#include "reporting/render/render_json.hpp"

#include <boost/json.hpp>

#include "common/json_text.hpp"

namespace motcua::reporting::render {

namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

value Optional(const std::optional<double>& number) {
    return number ? value(*number) : value(nullptr);
}

object FieldObject(const FieldRow& row) {
    object out;
    out["field_code"] = row.field_code;
    out["name_vi"] = row.name_vi;
    for (const auto& column : FieldColumns()) {
        out[column.key] = row.*column.member;
    }
    return out;
}

object MetricObject(const MetricRow& metric) {
    return object{
        {"code", metric.code},
        {"id", metric.id},
        {"name_vi", metric.name_vi},
        {"numerator", metric.numerator},
        {"denominator", metric.denominator},
        {"ratio", Optional(metric.ratio)},
        {"score", Optional(metric.score)},
        {"max_score", metric.max_score},
        {"status", MetricStatusName(metric.status)},
        {"note", metric.note},
    };
}

object IndexObject(const MonthlyReport& report) {
    array groups;
    for (const auto& group : report.index_groups) {
        array metrics;
        for (const auto& metric : group.metrics) {
            metrics.push_back(MetricObject(metric));
        }
        groups.push_back(object{
            {"code", group.code},
            {"name_vi", group.name_vi},
            {"score", group.score},
            {"max_score", group.max_score},
            {"metrics", std::move(metrics)},
        });
    }
    return object{
        {"total_score", report.index_total_score},
        {"max_score", report.index_max_score},
        {"groups", std::move(groups)},
    };
}

array PlanArray(const MonthlyReport& report) {
    array plan;
    for (const auto& row : report.plan) {
        plan.push_back(object{
            {"id", row.id},
            {"name_vi", row.name_vi},
            {"target", Optional(row.target)},
            {"actual", Optional(row.actual)},
            {"numerator", row.numerator},
            {"denominator", row.denominator},
            {"met", row.met ? value(*row.met) : value(nullptr)},
            {"status", MetricStatusName(row.status)},
        });
    }
    return plan;
}

}  // namespace

value ReportToJson(const MonthlyReport& report) {
    const FieldRow total = SumFields(report.fields);
    object summary;
    for (const auto& column : FieldColumns()) {
        summary[column.key] = total.*column.member;
    }
    summary["on_time_rate"] = Optional(OnTimeRate(total));
    summary["index_total_score"] = report.index_total_score;
    summary["index_max_score"] = report.index_max_score;
    const PlanTally tally = TallyPlan(report.plan);
    summary["plan_with_target"] = tally.with_target;
    summary["plan_met"] = tally.met;

    array fields;
    for (const auto& row : report.fields) {
        fields.push_back(FieldObject(row));
    }
    object fields_total = FieldObject(total);
    fields_total.erase("field_code");

    return object{
        {"agency", object{{"code", report.agency_code}, {"name_vi", report.agency_name_vi}}},
        {"period", report.period_label},
        {"generated_at", report.generated_at.empty() ? value(nullptr) : value(report.generated_at)},
        {"summary", std::move(summary)},
        {"fields", std::move(fields)},
        {"fields_total", std::move(fields_total)},
        {"index_766", IndexObject(report)},
        {"plan", PlanArray(report)},
    };
}

std::string RenderJson(const MonthlyReport& report) { return ToJsonText(ReportToJson(report)); }

}  // namespace motcua::reporting::render
