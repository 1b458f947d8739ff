// Feeding the indicator counters: each dossier change adds its IndicatorDelta
// (reporting/indicator_delta.hpp) in the transaction that records the change.
#pragma once

#include <vector>

#include "common/outcome.hpp"
#include "domain/catalog/procedure.hpp"
#include "reporting/indicator_delta.hpp"
#include "storage/transaction.hpp"

namespace motcua::services {

using reporting::DossierSnapshot;

/// Adds the change's counter delta (if any) to its cell.
Outcome<Done> FeedIndicators(storage::Transaction& transaction, const domain::Procedure& procedure,
                             const DossierSnapshot& before, const DossierSnapshot& after);

/// A dossier before an action: its state, and its events with one of
/// reporting::kFactEventActions (the only ones the facts read) up to then.
struct BeforeAction {
    const domain::Dossier& dossier;
    std::vector<domain::DossierEvent> fact_events;
};

/// What an action made: the dossier's new state and the event it records.
struct ActionResult {
    const domain::Dossier& dossier;
    const domain::DossierEvent& event;
};

/// Adds the counter delta of one action on a stored dossier: its history after the action is
/// the one before, followed by the action's event when the facts read that kind of event.
Outcome<Done> FeedAction(storage::Transaction& transaction, const domain::Procedure& procedure,
                         BeforeAction before, const ActionResult& after);

}  // namespace motcua::services
