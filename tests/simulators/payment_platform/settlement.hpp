// Settling a pending payment: what a button of the payment page does, and POST /_sim/settle
// without a browser. The outcome gives MaLoi (README.md "Outcomes"), the transaction gets the
// next MaGiaoDich, and the confirm goes to MotCua as the callback scenario says.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "simulators/payment_platform/confirm_sender.hpp"
#include "simulators/payment_platform/state.hpp"

namespace motcua::sim::payment_platform {

/// MaLoi of an outcome: success "00", cancel "24", insufficient "51", timeout "11".
std::optional<std::string_view> OutcomeResult(std::string_view outcome);

struct Settlement {
    std::optional<Transaction> transaction;  ///< Settled; nullopt when it was not pending.
    std::vector<ConfirmAttempt> attempts;    ///< The confirms sent before returning.
};

/// Settles `reference` (pending) with `result`, now, and delivers its confirm as `scenario` says.
Settlement SettlePayment(PlatformState& state, ConfirmSender& sender, std::string_view reference,
                         std::string_view result, CallbackScenario scenario);

/// Where the browser goes after paying: `return_url` with MaThamChieu and MaLoi added to its
/// query (not signed: MotCua learns the outcome from the confirm or a QUERY, never from this).
std::string ReturnLocation(const Transaction& transaction);

}  // namespace motcua::sim::payment_platform
