// Business days of the ledger (docs/payments.md §2): a day in Vietnam written YYYY-MM-DD, the
// cashier's day and the reconciliation day.
#pragma once

#include <string>

#include "common/clock.hpp"

namespace motcua::services {

/// Whether `text` is a real calendar day written YYYY-MM-DD.
bool IsBusinessDay(const std::string& text);
/// Today in Vietnam.
std::string BusinessDayToday(const Clock& clock);
/// The day before `day` (a business day; anything else comes back unchanged).
std::string PreviousBusinessDay(const std::string& day);

}  // namespace motcua::services
