#include "reporting/render/build_monthly_report.hpp"

#include <map>

#include "reporting/metric_names.hpp"

namespace motcua::reporting::render {
namespace {

constexpr const char* kOtherFieldVi = "Khác";

MetricRow MetricRowOf(const MetricResult& metric) {
    MetricRow row;
    row.code = metric.code;
    row.id = metric.id;
    row.name_vi = std::string(MetricNameOf(metric.code).vi);
    row.numerator = metric.numerator;
    row.denominator = metric.denominator;
    row.ratio = metric.ratio;
    row.score = metric.score;
    row.max_score = metric.max_score;
    row.status = metric.status;
    row.note = metric.note;
    return row;
}

PlanRow PlanRowOf(const PlanIndicatorResult& result) {
    return {result.id,        result.name_vi,     result.target, result.actual,
            result.numerator, result.denominator, result.met,    result.status};
}

}  // namespace

FieldRow FieldRowOf(const Counters& c, PeriodKind kind) {
    FieldRow row;
    row.received = c.received;
    row.received_online = c.online;
    row.received_desk = c.received_desk;
    row.received_postal = c.received_postal;
    row.finished_late = c.finished_late.For(kind);
    row.finished_on_time = c.finished.For(kind) - row.finished_late;
    row.in_progress_overdue = c.running_overdue.For(kind);
    row.in_progress_on_time = c.received - c.finished.For(kind) - c.withdrawn.For(kind) -
                              c.stopped.For(kind) - row.in_progress_overdue;
    row.returned = c.returned.For(kind);
    row.refused = c.refused;
    row.withdrawn = c.withdrawn.For(kind);
    row.stopped = c.stopped.For(kind);
    return row;
}

MonthlyReport BuildMonthlyReport(const ReportInputs& inputs) {
    MonthlyReport report;
    report.agency_code = inputs.agency_code;
    report.agency_name_vi = inputs.agency_name_vi;
    report.period_label = inputs.period.Label();
    report.generated_at = inputs.generated_at;

    // Field code → (name, summed counters); the "Khác" row sorts after every code.
    std::map<std::pair<bool, std::string>, std::pair<std::string, Counters>> by_field;
    for (const auto& procedure : inputs.procedures) {
        if (IsZero(procedure.counters)) {
            continue;
        }
        const bool other = procedure.field_code.empty();
        auto& [name, counters] = by_field[{other, procedure.field_code}];
        name = other ? kOtherFieldVi : procedure.field_name_vi;
        counters += procedure.counters;
    }
    for (const auto& [key, value] : by_field) {
        FieldRow row = FieldRowOf(value.second, inputs.period.kind);
        row.field_code = key.second;
        row.name_vi = value.first;
        report.fields.push_back(std::move(row));
    }

    report.index_total_score = inputs.index.total_score;
    report.index_max_score = inputs.index.max_score;
    for (const auto& group : inputs.index.groups) {
        GroupRow row{
            GroupApiName(group.code), GroupNameVi(group.code), group.score, group.max_score, {}};
        for (const auto& metric : group.metrics) {
            row.metrics.push_back(MetricRowOf(metric));
        }
        report.index_groups.push_back(std::move(row));
    }
    for (const auto& result : inputs.plan) {
        report.plan.push_back(PlanRowOf(result));
    }
    return report;
}

}  // namespace motcua::reporting::render
