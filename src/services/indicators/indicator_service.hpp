// IndicatorService: the indicator counters as a whole — rebuilt from the dossier events
// (`motcua indicators recompute`), which must give exactly the incrementally kept counters.
#pragma once

#include <chrono>
#include <memory>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "reporting/index_766.hpp"
#include "reporting/plan_indicators.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/indicators/shared_answers.hpp"
#include "storage/database.hpp"

namespace motcua::services {

/// The 766 index of an agency's subtree for a period, with the inputs it was scored from.
struct IndexAnswer {
    std::string agency_code;
    reporting::Period period;
    reporting::IndexInputs inputs;
    reporting::IndexResult index;
};

/// The dashboard: a parent's index and its children's, ranked.
struct RankingAnswer {
    IndexAnswer parent;
    std::vector<IndexAnswer> children;  // Best first.
    std::vector<int> ranks;  // Of each child: equal scores as displayed share a rank (§1.3).
};

/// The plan's targets for 2025 (the province's appendix), used when none are configured.
reporting::PlanTargets DefaultPlanTargets();

/// Parses "YYYY-MM", "YYYY-Qn" or "YYYY".
std::optional<reporting::Period> ParsePeriod(std::string_view text);

/// The period's bounds as UTC text: local midnight (Asia/Ho_Chi_Minh) of its first day, and of
/// the day after its last (exclusive) — the received_at range of its dossiers.
struct UtcRange {
    std::string from;
    std::string to;
};
UtcRange ReceivedRange(const reporting::Period& period);

struct RecomputeReport {
    int dossiers = 0;
    int rows = 0;
};

class IndicatorService {
public:
    IndicatorService(storage::Database& database, CatalogService& catalog, const Clock& clock);

    /// Replaces every counter row with the sum over all dossiers of their final facts, in one
    /// transaction (province administrators and the console only).
    Outcome<RecomputeReport> Recompute(const domain::Actor& actor);
    /// Scores the 766 index for `agency_code`'s subtree over `period`, from the counters.
    /// Aggregates only, so public; inputs the system does not hold yet report no_data.
    Outcome<IndexAnswer> Index766(const std::string& agency_code, const reporting::Period& period);
    /// Scores `parent_code`'s subtree and every child of it (each on its whole subtree) for
    /// `period`, children best first: the province dashboard, from one read of the counters.
    Outcome<RankingAnswer> Ranking(const std::string& parent_code, const reporting::Period& period);
    /// Ranking, shared by the callers of the same parent and period for kRankingFreshFor: the
    /// public dashboard is read by many at once, and the figures move only with events. Once
    /// stale, one caller computes it again while the others are given the previous answer.
    Outcome<std::shared_ptr<const RankingAnswer>> SharedRanking(const std::string& parent_code,
                                                                const reporting::Period& period);
    /// Scores the index of each month of `year` (kCalendarMinYear..kCalendarMaxYear, else
    /// invalid_parameter "year"): the dashboard's trend.
    Outcome<std::vector<IndexAnswer>> Trend(const std::string& agency_code, int year);
    /// Evaluates the plan's indicators for `year` (as Trend's) against `targets`.
    Outcome<std::vector<reporting::PlanIndicatorResult>> Plan(
        const std::string& agency_code, int year, const reporting::PlanTargets& targets);

    /// How long a shared ranking is served before it is computed again.
    static constexpr std::chrono::seconds kRankingFreshFor{2};

private:
    storage::Database& database_;
    CatalogService& catalog_;
    const Clock& clock_;
    SharedAnswers<RankingAnswer> shared_{kRankingFreshFor, 64};  // By revision, parent, period.
};

}  // namespace motcua::services
