#include "reporting/metric_builder.hpp"

#include <utility>

namespace motcua::reporting {

MetricResult NoDataMetric(std::string code, std::string id, double max_score, std::string note) {
    MetricResult metric;
    metric.code = std::move(code);
    metric.id = std::move(id);
    metric.max_score = max_score;
    metric.status = MetricStatus::kNoData;
    metric.note = std::move(note);
    return metric;
}

MetricResult RatioMetric(std::string code, std::string id, double numerator, double denominator,
                         double max_score, const ScoringOptions& options, double empty_score,
                         const std::function<double(double)>& score_of) {
    MetricResult metric;
    metric.code = std::move(code);
    metric.id = std::move(id);
    metric.numerator = numerator;
    metric.denominator = denominator;
    metric.max_score = max_score;
    if (denominator > 0) {
        metric.ratio = 100.0 * numerator / denominator;
        metric.score = score_of(*metric.ratio);
        return metric;
    }
    switch (options.empty_denominator) {
        case EmptyDenominator::kPortal:
            metric.score = empty_score;
            metric.note = "denominator 0: portal convention";
            return metric;
        case EmptyDenominator::kNoData:
            metric.status = MetricStatus::kNoData;
            metric.note = "denominator 0";
            return metric;
    }
    return metric;
}

MetricResult TrackingMetric(std::string code, std::string id, double numerator, double denominator,
                            const ScoringOptions& options) {
    return RatioMetric(std::move(code), std::move(id), numerator, denominator, 0, options, 0,
                       [](double) { return 0.0; });
}

}  // namespace motcua::reporting
