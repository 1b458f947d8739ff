// Reading many ledger rows (docs/payments.md §2): the day's book and the reconciliation page
// through the ledger a thousand rows at a time, in id order.
#pragma once

#include <cstddef>
#include <vector>

#include "common/outcome.hpp"
#include "storage/payment_store.hpp"

namespace motcua::services {

/// The rows `filter` selects after its after_id, in id order, read page by page until none is
/// left or at least `most` rows are read (the filter's limit is the page size).
Outcome<std::vector<storage::LedgerEntry>> ReadLedger(storage::PaymentStore& payments,
                                                      storage::LedgerFilter filter,
                                                      std::size_t most);

}  // namespace motcua::services
