#include "simulators/payment_platform/settlement.hpp"

#include <array>
#include <chrono>
#include <utility>

#include "connectors/payment_platform/payment_platform_protocol.hpp"

namespace motcua::sim::payment_platform {
namespace {

namespace protocol = motcua::connectors;

constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kOutcomes = {{
    {"success", protocol::kPlatformPaid},
    {"cancel", protocol::kPlatformCancelled},
    {"insufficient", protocol::kPlatformInsufficientFunds},
    {"timeout", protocol::kPlatformTimedOut},
}};

}  // namespace

std::optional<std::string_view> OutcomeResult(std::string_view outcome) {
    for (const auto& [name, result] : kOutcomes) {
        if (name == outcome) {
            return result;
        }
    }
    return std::nullopt;
}

Settlement SettlePayment(PlatformState& state, ConfirmSender& sender, std::string_view reference,
                         std::string_view result, CallbackScenario scenario) {
    Settlement settlement;
    settlement.transaction =
        state.Settle(reference, result, protocol::PlatformTime(std::chrono::system_clock::now()));
    if (settlement.transaction) {
        settlement.attempts = sender.Deliver(*settlement.transaction, scenario);
    }
    return settlement;
}

// The reference is letters and digits and MaLoi digits: nothing to percent-encode.
std::string ReturnLocation(const Transaction& transaction) {
    const char separator = transaction.return_url.find('?') == std::string::npos ? '?' : '&';
    return transaction.return_url + separator + "MaThamChieu=" + transaction.reference +
           "&MaLoi=" + transaction.result;
}

}  // namespace motcua::sim::payment_platform
