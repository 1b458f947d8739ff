// Builds MetricResult values the same way for every metric: the ratio from numerator and
// denominator, the score from the ratio, and the empty-denominator and no-data conventions
// (docs/domain.md §1.3). Internal to reporting/.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "reporting/index_766.hpp"

namespace motcua::reporting {

/// A metric whose inputs are absent (or that does not apply to the scope).
MetricResult NoDataMetric(std::string code, std::string id, double max_score, std::string note);

/// A ratio metric. With a positive denominator, `score_of` maps the ratio (percent) to points;
/// with a zero denominator it scores `empty_score` (EmptyDenominator::kPortal) or is no_data.
MetricResult RatioMetric(std::string code, std::string id, double numerator, double denominator,
                         double max_score, const ScoringOptions& options, double empty_score,
                         const std::function<double(double)>& score_of);

/// A metric tracked for information only (maximum 0, score 0), e.g. 3.1 under METRICS row 6.
MetricResult TrackingMetric(std::string code, std::string id, double numerator, double denominator,
                            const ScoringOptions& options);

/// Score functions for RatioMetric.
inline auto Linear(double max) {
    return [max](double ratio) { return LinearScore(max, ratio); };
}
inline auto Threshold(double max, double threshold) {
    return [max, threshold](double ratio) { return ThresholdScore(max, ratio, threshold); };
}

/// Counts the procedures passing `in_denominator`, and of those the ones passing `in_numerator`.
template <typename Den, typename Num>
Tally CountProcedures(const std::vector<ProcedureRollup>& procedures, Den in_denominator,
                      Num in_numerator) {
    Tally tally;
    for (const auto& procedure : procedures) {
        if (in_denominator(procedure)) {
            ++tally.denominator;
            tally.numerator += in_numerator(procedure) ? 1 : 0;
        }
    }
    return tally;
}

/// Groups 4–6 (index_766_groups.cpp), called by ScoreIndex766 with the scope's total counters.
GroupResult ScorePayment(const IndexInputs& in, const Counters& total, const ScoringOptions& o);
GroupResult ScoreDigitization(const IndexInputs& in, const Counters& total,
                              const ScoringOptions& o);
GroupResult ScoreSatisfaction(const IndexInputs& in, const Counters& total,
                              const ScoringOptions& o);

}  // namespace motcua::reporting
