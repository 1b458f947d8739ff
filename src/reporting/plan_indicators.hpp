// The plan's indicators (I.1–III.3): the province's yearly targets for online services,
// digitisation, sync and satisfaction, each computed by its closest 766 definition or its own
// formula, and compared with a target configured per year (docs/domain.md §7.1). The resolutions'
// own definitions and numeric targets are NOT FOUND (§10 item 8 there): targets are data.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "reporting/index_766.hpp"

namespace motcua::reporting {

/// One plan indicator and where its value comes from.
struct PlanIndicatorDefinition {
    const char* id;  // "I.1" … "III.3".
    const char* name_vi;
    const char* name_en;
    const char* source;  // A 766 metric code, or "own:…" for our own formula.
};

/// Returns the twelve definitions (I.1–III.3), in order.
std::span<const PlanIndicatorDefinition> PlanIndicatorDefinitions();

/// Targets in percent, per year and indicator id (configuration, e.g. {2025: {"I.1": 80}}).
struct PlanTargets {
    std::map<int, std::map<std::string, double>> by_year;

    std::optional<double> Target(int year, const std::string& id) const;
};

struct PlanIndicatorResult {
    std::string id;
    std::string name_vi;
    std::string name_en;
    std::string source;
    std::optional<double> target;
    std::optional<double> actual;  // Percent; empty when no_data.
    double numerator = 0;
    double denominator = 0;
    std::optional<bool> met;  // actual ≥ target; empty without a target or data.
    MetricStatus status = MetricStatus::kNoData;
};

/// Evaluates the plan indicators from a scored index and its inputs. An indicator whose source
/// metric is no_data or has an empty denominator is no_data (never 0 or 100).
std::vector<PlanIndicatorResult> EvaluatePlan(const IndexResult& index, const IndexInputs& inputs,
                                              const PlanTargets& targets, int year);

}  // namespace motcua::reporting
