// Indicator results: what every metric, group and index computation returns, shaped like the
// national portal's metric objects (`code, numerator, denominator, ratio, score, maxScore`,
// docs/domain.md §1.2). A metric whose inputs are absent is `no_data`, with no ratio and no score —
// never 0 or 100.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace motcua::reporting {

enum class MetricStatus { kOk, kNoData };

const char* MetricStatusName(MetricStatus status);

/// One metric. `ratio` is a percentage (0–100); it is empty when the denominator is 0.
struct MetricResult {
    std::string code;  // Portal metric code, or our name where the portal's is unknown.
    std::string id;    // Formula-description ID ("1.4", "2.1", …; docs/domain.md §1.4).
    double numerator = 0;
    double denominator = 0;  // A double: the 1.4 fallback divides a yearly total.
    std::optional<double> ratio;
    std::optional<double> score;
    double max_score = 0;
    MetricStatus status = MetricStatus::kOk;
    std::string note;  // Which rule or option decided, when not the plain formula.
};

enum class GroupCode {
    kTransparency,
    kProgress,
    kOnlineService,
    kOnlinePayment,
    kDigitization,
    kSatisfaction
};

inline constexpr GroupCode kAllGroups[] = {
    GroupCode::kTransparency,  GroupCode::kProgress,     GroupCode::kOnlineService,
    GroupCode::kOnlinePayment, GroupCode::kDigitization, GroupCode::kSatisfaction,
};

/// Returns the reporting-API name of a group ("transparency", "dvc-progress-tree", …).
const char* GroupApiName(GroupCode code);
const char* GroupNameVi(GroupCode code);
const char* GroupNameEn(GroupCode code);
/// Returns the group's declared maximum for a province (18, 20, 12, 10, 22, 18).
double GroupMaxScore(GroupCode code);

/// One group: the sum of its metrics' scores (no_data metrics add nothing).
struct GroupResult {
    GroupCode code = GroupCode::kTransparency;
    double score = 0;
    double max_score = 0;   // Declared maximum.
    double scored_max = 0;  // Sum of the maxima of the metrics that have data.
    std::vector<MetricResult> metrics;
};

struct IndexResult {
    double total_score = 0;  // Sum of the six group scores.
    double max_score = 0;
    std::vector<GroupResult> groups;

    /// Returns the metric with `code`, or nullptr.
    const MetricResult* Find(const std::string& code) const;
    const GroupResult* FindGroup(GroupCode code) const;
};

/// Rounds to 2 decimals for display (docs/domain.md §1.3); scores are kept unrounded.
double RoundForDisplay(double value);

}  // namespace motcua::reporting
