// What the simulated payment platform holds: the transactions by MaThamChieu, the confirm
// callbacks it sent and what MotCua answered, the merchant's confirm URL, the callback scenario
// and the counters the tests compare. One mutex guards it all; every method is one short critical
// section (the callbacks themselves are sent outside it).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "simulators/common/merchant_callback.hpp"
#include "simulators/common/sim_state.hpp"

namespace motcua::sim::payment_platform {

/// The counters (README.md "Control routes"); every name is present in the JSON, 0 until counted.
namespace counter {
inline constexpr std::string_view kRequests = "requests";  ///< Calls to an /api/ route received.
inline constexpr std::string_view kInits = "inits";        ///< INITs accepted.
inline constexpr std::string_view kQueries = "queries";    ///< QUERYs answered "0".
inline constexpr std::string_view kReceipts = "receipts";  ///< PDFs sent.
inline constexpr std::string_view kReports = "reports";    ///< Reports answered "0".
inline constexpr std::string_view kRefused = "refused";    ///< API answers with error_code ≠ "0".
inline constexpr std::string_view kDownRefused = "down_refused";            ///< 503 answered.
inline constexpr std::string_view kSettled = "settled";                     ///< Payments settled.
inline constexpr std::string_view kConfirmsSent = "confirms_sent";          ///< Callback attempts.
inline constexpr std::string_view kConfirmsAccepted = "confirms_accepted";  ///< MotCua said "0".
inline constexpr std::string_view kConfirmsRefused = "confirms_refused";    ///< Another answer.
inline constexpr std::string_view kConfirmsFailed = "confirms_failed";      ///< No answer.
inline constexpr std::string_view kConfirmsLost = "confirms_lost";  ///< Not sent (scenario lost).
inline constexpr std::array<std::string_view, 13> kAll = {
    kRequests,        kInits,          kQueries,     kReceipts,     kReports,
    kRefused,         kDownRefused,    kSettled,     kConfirmsSent, kConfirmsAccepted,
    kConfirmsRefused, kConfirmsFailed, kConfirmsLost};
}  // namespace counter

/// Where a transaction stands.
enum class PaymentStatus { kPending, kPaid, kFailed };
std::string_view PaymentStatusName(PaymentStatus status);

/// How the platform calls MotCua back after a payment (README.md "Callback scenarios").
enum class CallbackScenario { kNormal, kLost, kRepeated, kAfterReturn };
std::string_view ScenarioName(CallbackScenario scenario);
std::optional<CallbackScenario> ParseScenario(std::string_view name);

/// One transaction, from its INIT (or an injection) on.
struct Transaction {
    std::string reference;  ///< MaThamChieu.
    std::int64_t amount_vnd = 0;
    std::string info;             ///< ThongTinGiaoDich.
    std::string created_gd;       ///< The INIT's ThoiGianGD.
    std::string return_url;       ///< UrlTraVe; empty: none.
    boost::json::object receipt;  ///< ThongTinBienLai as received.
    PaymentStatus status = PaymentStatus::kPending;
    std::string result = "01";   ///< MaLoi ("01" while pending).
    std::string transaction_id;  ///< MaGiaoDich, once settled.
    std::string settled_gd;      ///< ThoiGianGD of the settlement (GMT+7).
    bool injected = false;       ///< Made by /_sim/inject_transaction (MotCua never saw it).
};

/// One confirm callback sent, and what came back.
struct ConfirmAttempt {
    std::string reference;
    int delivery = 0;  ///< Which delivery of the transaction (repeated sends several).
    int attempt = 0;   ///< 1 for the first send of a delivery, then the retries.
    std::string url;
    std::string tamper = "none";
    int status = 0;          ///< MotCua's HTTP status; 0: no answer.
    std::string error_code;  ///< MotCua's error_code ("" when unreadable).
    std::string reply;       ///< MotCua's body (at most 1 KiB).
    std::string error;       ///< Why there was no answer.
};

class PlatformState final : public SimState {
public:
    PlatformState(std::string confirm_url, CallbackScenario scenario);

    /// Holds `transaction` unless its reference is pending or paid; false then.
    bool Create(Transaction transaction);
    /// Holds a paid transaction with the next MaGiaoDich (the caller set everything else).
    Transaction Inject(Transaction transaction);
    std::optional<Transaction> Find(std::string_view reference) const;
    /// Settles a pending transaction with MaLoi `result` at `time_gd`, giving it the next
    /// MaGiaoDich; nullopt when it is unknown or not pending.
    std::optional<Transaction> Settle(std::string_view reference, std::string_view result,
                                      std::string_view time_gd);
    /// The paid transactions settled on `day` (yyyyMMdd, GMT+7), by MaGiaoDich.
    std::vector<Transaction> PaidOn(std::string_view day) const;

    /// The number of the next delivery of `reference`'s confirm (1, 2, …).
    int NextDelivery(std::string_view reference);
    void Record(ConfirmAttempt attempt);

    /// MotCua's confirm URL and the callback scenario.
    MerchantCallback<CallbackScenario>& Merchant() { return merchant_; }

    /// GET /_sim/state (README.md).
    boost::json::object StateJson() const override;
    /// Forgets the transactions and attempts, zeroes the counters, restores the start-up confirm
    /// URL and scenario.
    void Reset() override;

private:
    std::string NextTransactionId();

    MerchantCallback<CallbackScenario> merchant_;
    std::map<std::string, Transaction, std::less<>> transactions_;
    std::map<std::string, int, std::less<>> deliveries_;
    std::vector<ConfirmAttempt> attempts_;
    std::uint64_t next_transaction_;
};

/// A transaction as the state and settle routes show it.
boost::json::object TransactionJson(const Transaction& transaction);
boost::json::object AttemptJson(const ConfirmAttempt& attempt);

}  // namespace motcua::sim::payment_platform
