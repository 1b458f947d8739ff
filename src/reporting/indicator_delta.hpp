// The counter change a dossier event causes: Counts(after) − Counts(before), where each side's
// facts are taken as of that side's last event, keyed by the dossier's indicator cell
// (competent agency × procedure × received day, or refusal day). Summed over a dossier's events
// this telescopes to the counts of its last state — the invariant `motcua indicators recompute`
// checks.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "domain/catalog/procedure.hpp"
#include "domain/dossier/dossier.hpp"
#include "reporting/counters.hpp"

namespace motcua::reporting {

/// One side of a change: the dossier (nullptr before it existed) and its history up to then.
struct DossierSnapshot {
    const domain::Dossier* dossier = nullptr;
    std::span<const domain::DossierEvent> events;
};

struct CounterCell {
    std::string agency_code;
    std::string procedure_code;
    std::string day;  // YYYY-MM-DD.
    Counters delta;
};

/// Returns the cell and delta to add, or nullopt when the change moves no counter.
std::optional<CounterCell> IndicatorDelta(const domain::Procedure& procedure,
                                          const DossierSnapshot& before,
                                          const DossierSnapshot& after);

}  // namespace motcua::reporting
