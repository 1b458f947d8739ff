// The confirm callbacks (README.md "Callback scenarios"): after a payment is settled the platform
// POSTs the signed confirm to MotCua's confirm URL and sends it again, up to `retries` times
// `retry_ms` apart, while MotCua's reply is not error_code "0". A scenario decides whether it is
// sent at all, how often, and whether before or after the browser is sent back.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "simulators/payment_platform/state.hpp"

namespace motcua::sim::payment_platform {

struct ConfirmOptions {
    std::string partner_code;
    std::string secret;
    int retries = 3;
    int retry_ms = 200;
};

class ConfirmSender {
public:
    ConfirmSender(PlatformState& state, ConfirmOptions options);
    /// Waits for the confirms still to be sent in the background.
    ~ConfirmSender();
    ConfirmSender(const ConfirmSender&) = delete;
    ConfirmSender& operator=(const ConfirmSender&) = delete;

    /// Sends the confirm of a settled `transaction` as `scenario` says; answers the attempts made
    /// before returning (none for lost and after_return).
    std::vector<ConfirmAttempt> Deliver(const Transaction& transaction, CallbackScenario scenario);
    /// One send of the confirm, without retries: `tamper` "none", "amount" (SoTien changed after
    /// signing) or "signature" (MaXacThuc changed).
    ConfirmAttempt Replay(const Transaction& transaction, std::string_view tamper);

private:
    std::string Body(const Transaction& transaction, std::string_view tamper) const;
    std::vector<ConfirmAttempt> SendWithRetries(const std::string& reference,
                                                const std::string& body);
    ConfirmAttempt SendOnce(const std::string& reference, int delivery, int attempt,
                            const std::string& body, std::string_view tamper);

    PlatformState& state_;
    const ConfirmOptions options_;
    std::mutex mutex_;
    std::vector<std::thread> background_;
};

}  // namespace motcua::sim::payment_platform
