// Payments taken at the desk (docs/payments.md §4): the `pay` action with channel desk writes its
// ledger row in the action's own transaction — cash, or a card or a bank transfer with its
// reference — and settles the dossier's open order of that amount.
#pragma once

#include "common/outcome.hpp"
#include "domain/dossier/dossier.hpp"
#include "domain/dossier/lifecycle.hpp"
#include "storage/transaction.hpp"

namespace motcua::services {

/// The ledger row of the desk payment `input` made `paid` what it is (stored already). An open
/// order of exactly that amount that was not sent to a gateway is marked paid with it; once the
/// dossier is paid in full its other open orders are cancelled. A card or transfer reference
/// credited before is refused (409 already_recorded, param reference) and the whole action rolls
/// back.
Outcome<Done> RecordDeskPayment(storage::Transaction& transaction, const domain::Dossier& paid,
                                const domain::ActionInput& input);

}  // namespace motcua::services
