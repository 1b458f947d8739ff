// What the simulated gateway holds: the transactions (by TmnCode and vnp_TxnRef) with what the
// merchant answered to each IPN, the querydr request ids seen, the merchant's IPN URL and callback
// scenario, and the counters the tests compare. One mutex guards it all; every method is one
// short critical section (the IPN calls are made outside it).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "connectors/vnpay/vnpay_protocol.hpp"
#include "simulators/common/merchant_callback.hpp"
#include "simulators/common/sim_state.hpp"

namespace motcua::sim::vnpay {

/// The counters (README.md "Control routes"); every name is present in the JSON, 0 until counted.
namespace counter {
inline constexpr std::string_view kPayPages = "pay_pages";    ///< Payment pages shown.
inline constexpr std::string_view kPayErrors = "pay_errors";  ///< Pay URLs refused (error page).
inline constexpr std::string_view kSettled = "settled";       ///< Transactions given a result.
inline constexpr std::string_view kIpnAttempts = "ipn_attempts";    ///< IPN calls made.
inline constexpr std::string_view kIpnConfirmed = "ipn_confirmed";  ///< Answered 00 or 02.
inline constexpr std::string_view kIpnGaveUp = "ipn_gave_up";       ///< Unconfirmed after retries.
inline constexpr std::string_view kIpnSkipped = "ipn_skipped";      ///< No IPN URL configured.
inline constexpr std::string_view kApiRequests = "api_requests";    ///< querydr and report calls.
inline constexpr std::string_view kQueries = "querydr";             ///< querydr answered.
inline constexpr std::string_view kReports = "reports";             ///< Reports answered.
inline constexpr std::string_view kDownRefused = "down_refused";    ///< 503 answered.
inline constexpr std::array<std::string_view, 11> kAll = {
    kPayPages,   kPayErrors,   kSettled, kIpnAttempts, kIpnConfirmed, kIpnGaveUp,
    kIpnSkipped, kApiRequests, kQueries, kReports,     kDownRefused};
}  // namespace counter

/// The callback scenarios (README.md "Scenarios").
enum class Scenario { kNormal, kLost, kRepeated, kBeforeReturn, kAfterReturn };
std::string_view ScenarioName(Scenario scenario);
std::optional<Scenario> ParseScenario(std::string_view name);

/// What the citizen did on the payment page.
enum class Outcome { kSuccess, kCancel, kInsufficient, kTimeout };
std::string_view OutcomeName(Outcome outcome);
std::optional<Outcome> ParseOutcome(std::string_view name);

/// One IPN call and what the merchant answered.
struct IpnAttempt {
    std::string kind;  ///< "ipn", or "replay" (/_sim/replay_ipn).
    std::string tamper = "none";
    std::string at;          ///< yyyyMMddHHmmss GMT+7.
    int status = 0;          ///< 0: no answer.
    std::string body;        ///< The merchant's answer (cut at 4 KiB).
    std::string error;       ///< Why there was no answer.
    std::string rsp_code;    ///< The answer's RspCode, if it was JSON with one.
    bool confirmed = false;  ///< RspCode 00 or 02.
};

/// One transaction as the gateway holds it.
struct Transaction {
    connectors::VnpayPayRequest request;  ///< As the pay URL gave it (amount in đồng).
    std::string tmn_code;
    std::string status = "pending";  ///< pending | paid | failed.
    bool injected = false;           ///< Made by /_sim/inject_transaction (no pay URL, no IPN).
    std::string response_code;       ///< Empty while pending.
    std::string transaction_status;
    std::string transaction_no;
    std::string bank_tran_no;
    std::string card_type;
    std::string pay_date;
    std::vector<IpnAttempt> ipn;
};

/// The transaction's result parameters, to be signed (return URL and IPN).
connectors::VnpayParams ResultParams(const Transaction& transaction);
/// An IPN call as the state and control routes show it (README.md).
boost::json::object IpnAttemptJson(const IpnAttempt& attempt);
/// A transaction as the state and control routes show it (README.md).
boost::json::object TransactionJson(const Transaction& transaction);

class GatewayState final : public SimState {
public:
    GatewayState(std::string ipn_url, Scenario scenario);

    /// Adds a pending transaction unless one has its key: false then.
    bool Open(const Transaction& transaction);
    /// A copy of the transaction, if held.
    std::optional<Transaction> Find(std::string_view tmn_code, std::string_view txn_ref) const;
    /// Gives a pending transaction its result (`settle` fills the fields from the held one).
    /// nullopt if not held; the held one unchanged (status not pending) if already settled.
    std::optional<Transaction> Settle(std::string_view tmn_code, std::string_view txn_ref,
                                      const std::function<void(Transaction&)>& settle);
    /// Adds a settled transaction the merchant never saw; false if the key is taken.
    bool Inject(Transaction transaction);
    /// Records an IPN call of the transaction, unless a reset came since `generation`.
    void RecordIpn(std::uint64_t generation, std::string_view tmn_code, std::string_view txn_ref,
                   IpnAttempt attempt);
    /// False when the request id was seen before (querydr answers 94); records it.
    bool FirstRequest(const std::string& request_id);
    /// The settled transactions with a pay date on `date` (yyyyMMdd), by pay date.
    std::vector<Transaction> SettledOn(std::string_view date) const;
    /// The next vnp_TransactionNo (from 14226112, increasing).
    std::int64_t NextTransactionNo();

    /// The merchant's IPN URL and the default callback scenario.
    MerchantCallback<Scenario>& Merchant() { return merchant_; }
    /// Increases with every reset; background IPN calls of an older one are not recorded.
    std::uint64_t Generation() const;

    /// GET /_sim/state (README.md).
    boost::json::object StateJson() const override;
    /// Forgets every transaction and request id, zeroes the counters, restores the start-up IPN
    /// URL and scenario.
    void Reset() override;

private:
    static std::string Key(std::string_view tmn_code, std::string_view txn_ref);

    MerchantCallback<Scenario> merchant_;
    std::uint64_t generation_ = 0;
    std::int64_t next_transaction_no_ = 14226112;
    std::map<std::string, Transaction, std::less<>> transactions_;
    std::vector<std::string> order_;  // Keys in the order the transactions came.
    std::set<std::string, std::less<>> request_ids_;
};

}  // namespace motcua::sim::vnpay
