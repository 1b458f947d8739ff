// The 766 index (Bộ chỉ số 766) as the national portal operates it: six groups, 100 points for a
// province (docs/domain.md §1.2), scored from counters and catalogue-level inputs by the
// conventions of docs/domain.md §1.3. Where the spec is NOT FOUND or conflicting the documented
// variant is the default and the alternative is a named option (docs/indicators.md lists both).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "reporting/counters.hpp"
#include "reporting/dossier_facts.hpp"
#include "reporting/indicator_result.hpp"
#include "reporting/period.hpp"

namespace motcua::reporting {

/// What a metric with an empty denominator scores.
enum class EmptyDenominator {
    kPortal,  // The portal's convention per metric (docs/domain.md §1.3): 0, or 6 for PAKN.
    kNoData,  // Report no_data ("mẫu số = 0 → … N/A theo quy định báo cáo").
};

/// Group 4 (payment): the observed formula vs METRICS row 24 (3.6 carries all 10 points).
enum class PaymentFormula { kObserved, kMetricsRow24 };

/// Group 3 (online services), whose formula is NOT FOUND: METRICS row 6 carries the 12 points
/// (dossier-level toàn trình share, linear), or the formula description's 3.1 (T=80%) and 3.3
/// (T=50%) with an assumed equal split of 6 + 6.
enum class OnlineServiceFormula { kMetricsRow6, kDocumentedThresholds };

/// 4.2 SO_HOA_GIAY_TO_GIAI_QUYET: observed linear scoring vs the documented 80% threshold.
enum class DigitizationScoring { kObservedLinear, kDocumentedThreshold };

/// PAKN metrics when the unit has no PAKN: observed "denominator 0 → 6 points" vs the METRICS
/// note "points split equally between PAKN-on-time and TTHC satisfaction" (our reading: the 6
/// points of 5.3 move 3 to 5.2 and 3 to 5.4).
enum class PetitionEmpty { kFullPoints, kSplitPoints };

/// 5.4: METRICS form (dossiers neither unsatisfied/PAKN nor overdue) vs decision wording
/// (100% − overdue rate − unsatisfied/PAKN rate, a dossier in both counted twice).
enum class ReceivingSatisfaction { kUnion, kRateSum };

/// 1.4 denominator: max(BCQG, DVCQG) from the national systems, or also our own received count
/// (DVCQG's count comes from our sync, so ours is a lower bound).
enum class SyncDenominator { kNationalOrLocal, kNationalOnly };

struct ScoringOptions {
    EmptyDenominator empty_denominator = EmptyDenominator::kPortal;
    PaymentFormula payment = PaymentFormula::kObserved;
    OnlineServiceFormula online_service = OnlineServiceFormula::kMetricsRow6;
    DigitizationScoring digitization = DigitizationScoring::kObservedLinear;
    PetitionEmpty petition_empty = PetitionEmpty::kFullPoints;
    ReceivingSatisfaction receiving_satisfaction = ReceivingSatisfaction::kUnion;
    SyncDenominator sync_denominator = SyncDenominator::kNationalOrLocal;
};

/// A count pair supplied from outside the dossier counters (catalogue publication, PAKN, …).
struct Tally {
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
};

/// Group 1 inputs that live in the national procedure database, not in dossiers. Absent ⇒
/// the metric is no_data.
struct TransparencyInputs {
    std::optional<Tally> publish_on_time;        // 1.1 PUBLISH_ON_TIME.
    std::optional<Tally> public_update_on_time;  // 1.2 PUBLIC_UPDATE_ON_TIME.
    std::optional<Tally> public_content_full;    // 1.3 PUBLIC_CONTENT_FULL.
};

/// 1.4 DOSSIER_SYNC: received counts of the national systems for the period, and the previous
/// year's BCQG total for the fallback.
struct SyncInputs {
    std::optional<std::int64_t> bcqg_received;
    std::optional<std::int64_t> dvcqg_received;
    std::optional<std::int64_t> previous_year_bcqg_total;
};

/// Group 6 PAKN inputs (docs/domain.md §8); absent until the PAKN module feeds them.
struct PetitionInputs {
    Tally processing_on_time;     // 5.2: on time + within time / received or processed.
    Tally handling_satisfaction;  // 5.3: total − disliked/overdue/re-raised / first received.
};

enum class ScopeLevel { kProvince, kCommune };

/// One procedure of the scope with its summed counters (zero when it had no dossiers).
struct ProcedureRollup {
    ProcedureProfile profile;
    Counters counters;
};

struct IndexInputs {
    Period period;
    ScopeLevel scope = ScopeLevel::kProvince;
    /// Every procedure applicable to the scope, including those without dossiers: the
    /// procedure-level ratios (3.1, 3.2, 3.5, 4.5a) count distinct procedures.
    std::vector<ProcedureRollup> procedures;
    std::optional<TransparencyInputs> transparency;
    SyncInputs sync;
    std::optional<PetitionInputs> petitions;
    std::optional<Tally> certified_copy_communes;  // ELECTRONIC_CERTIFIED_COPY.
};

/// Threshold rule (docs/domain.md §1.3): full `max` from `threshold` percent, else
/// ratio × max / threshold.
double ThresholdScore(double max, double ratio_percent, double threshold_percent);
/// Linear rule: max × ratio / 100, capped at max (transparency, progress, digitisation).
double LinearScore(double max, double ratio_percent);
/// Observed payment formula 6·A + min(2, 2.5·B) + 2.5·C with A, B, C as fractions (0–1),
/// capped at the group's 10 points.
double PaymentScore(double a, double b, double c);

/// Sums the counters of all procedures.
Counters Total(const std::vector<ProcedureRollup>& procedures);

/// Scores the whole index for `inputs`.
IndexResult ScoreIndex766(const IndexInputs& inputs, const ScoringOptions& options = {});

}  // namespace motcua::reporting
