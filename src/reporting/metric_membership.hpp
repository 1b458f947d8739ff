// Drill-down: why one dossier counts, or does not, in a dossier-level 766 metric (docs/domain.md
// §1.4). The judgement is read from the dossier's own counters (Counts(facts)), the very numbers
// the index sums — so the dossiers listed behind a figure add up to that figure (a test checks it
// against ScoreIndex766).
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "reporting/counters.hpp"
#include "reporting/dossier_facts.hpp"

namespace motcua::reporting {

struct DossierJudgement {
    bool in_denominator = false;
    bool in_numerator = false;
    std::string_view reason;  // Stable code ("overdue_at_period_end", "not_synced", …).
};

/// The metrics whose numerator and denominator count dossiers (procedure-level metrics such as
/// 3.1 or 3.5 count procedures and are not listed).
std::span<const std::string_view> DossierMetricCodes();

/// Judges one dossier for `metric` over a period of `kind`; nullopt for a metric that is not
/// dossier-level. A dossier never received is in no denominator.
std::optional<DossierJudgement> JudgeDossier(std::string_view metric, const DossierFacts& facts,
                                             const ProcedureProfile& procedure, PeriodKind kind);

struct ReasonText {
    std::string_view vi;
    std::string_view en;
};

/// Returns the words for a reason code (the code itself when unknown).
ReasonText ReasonTextOf(std::string_view reason);

}  // namespace motcua::reporting
