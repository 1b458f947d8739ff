// Feeding the indicator counters: each dossier change adds its IndicatorDelta
// (reporting/indicator_delta.hpp) in the transaction that records the change.
#pragma once

#include "common/outcome.hpp"
#include "domain/catalog/procedure.hpp"
#include "reporting/indicator_delta.hpp"
#include "storage/transaction.hpp"

namespace motcua::services {

using reporting::DossierSnapshot;

/// Adds the change's counter delta (if any) to its cell.
Outcome<Done> FeedIndicators(storage::Transaction& transaction, const domain::Procedure& procedure,
                             const DossierSnapshot& before, const DossierSnapshot& after);

}  // namespace motcua::services
