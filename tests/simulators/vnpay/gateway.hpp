// The browser side of the simulated gateway and its calls back to the merchant: the pay URL
// checked and shown as a payment page, the citizen's choice turned into a result, and that result
// sent as a signed IPN (per the callback scenario, with retries) and as the signed redirect to
// the merchant's return URL (README.md "The payment page", "Scenarios").
#pragma once

#include <chrono>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <boost/json/object.hpp>

#include "simulators/common/exchange.hpp"
#include "simulators/vnpay/state.hpp"

namespace motcua::sim::vnpay {

struct GatewayOptions {
    std::string tmn_code = "MOTCUA01";
    std::string hash_secret = "vnpay-secret-for-tests";
    int ipn_retries = 3;        ///< Further IPN calls after an unconfirmed one.
    int ipn_retry_ms = 200;     ///< Between them.
    int ipn_timeout_ms = 2000;  ///< For each.
};

/// What settling a transaction did.
struct Settlement {
    int status = 200;                        ///< 404 unknown transaction, 409 settled before.
    std::string error;                       ///< Set with those.
    std::optional<Transaction> transaction;  ///< After the settlement (and the IPN calls made).
    std::string return_url;                  ///< The signed redirect.
};

/// The yyyyMMddHHmmss GMT+7 of now.
std::string NowVnpay();

class Gateway {
public:
    Gateway(GatewayOptions options, GatewayState& state);
    /// Stops the background IPN calls (after_return) and waits for them.
    ~Gateway();
    Gateway(const Gateway&) = delete;
    Gateway& operator=(const Gateway&) = delete;

    const GatewayOptions& Options() const { return options_; }

    /// GET /paymentv2/vpcpay.html?…: the payment page, or the error page.
    SimReply PayPage(const SimRequest& request);
    /// POST /paymentv2/pay (form vnp_TmnCode, vnp_TxnRef, outcome): 303 to the return URL.
    SimReply Pay(const SimRequest& request);

    /// Gives the pending transaction its result and calls the merchant back per `scenario`
    /// (the state's default when nullopt).
    Settlement Settle(const std::string& txn_ref, Outcome outcome,
                      std::optional<Scenario> scenario);
    /// POST /_sim/inject_transaction: a settled transaction the merchant never saw.
    SimReply Inject(const boost::json::object& body);
    /// POST /_sim/replay_ipn: the stored IPN sent once more, tampered or not.
    SimReply ReplayIpn(const boost::json::object& body);

private:
    /// Calls the IPN URL with `query` until confirmed, at most 1 + `retries` times; the last
    /// attempt, or nullopt without an IPN URL.
    std::optional<IpnAttempt> DeliverIpn(std::uint64_t generation, const Transaction& transaction,
                                         const std::string& query, const std::string& kind,
                                         const std::string& tamper, int retries,
                                         const std::stop_token& stop);
    void Decide(Transaction& transaction, Outcome outcome, const std::string& now,
                std::int64_t number) const;

    const GatewayOptions options_;
    GatewayState& state_;
    std::mutex background_mutex_;
    std::list<std::jthread> background_;
};

}  // namespace motcua::sim::vnpay
