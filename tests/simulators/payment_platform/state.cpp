// MaGiaoDich is a counter from 100000001 (a number the tests can compare; a reset restarts it).
#include "simulators/payment_platform/state.hpp"

#include <algorithm>

#include <boost/json.hpp>

namespace motcua::sim::payment_platform {

namespace json = boost::json;

namespace {
constexpr std::uint64_t kFirstTransactionId = 100000001;
}  // namespace

std::string_view PaymentStatusName(PaymentStatus status) {
    switch (status) {
        case PaymentStatus::kPending:
            return "pending";
        case PaymentStatus::kPaid:
            return "paid";
        case PaymentStatus::kFailed:
            return "failed";
    }
    return "pending";
}

std::string_view ScenarioName(CallbackScenario scenario) {
    switch (scenario) {
        case CallbackScenario::kNormal:
            return "normal";
        case CallbackScenario::kLost:
            return "lost";
        case CallbackScenario::kRepeated:
            return "repeated";
        case CallbackScenario::kAfterReturn:
            return "after_return";
    }
    return "normal";
}

std::optional<CallbackScenario> ParseScenario(std::string_view name) {
    for (const auto scenario : {CallbackScenario::kNormal, CallbackScenario::kLost,
                                CallbackScenario::kRepeated, CallbackScenario::kAfterReturn}) {
        if (ScenarioName(scenario) == name) {
            return scenario;
        }
    }
    return std::nullopt;
}

PlatformState::PlatformState(std::string confirm_url, CallbackScenario scenario)
    : SimState(counter::kAll),
      merchant_(std::move(confirm_url), scenario),
      next_transaction_(kFirstTransactionId) {}

std::string PlatformState::NextTransactionId() { return std::to_string(next_transaction_++); }

bool PlatformState::Create(Transaction transaction) {
    std::lock_guard lock(mutex_);
    const auto found = transactions_.find(transaction.reference);
    if (found != transactions_.end() && found->second.status != PaymentStatus::kFailed) {
        return false;
    }
    // A failed payment may be tried again under the same reference: the new INIT replaces it.
    const std::string reference = transaction.reference;
    transactions_.insert_or_assign(reference, std::move(transaction));
    return true;
}

Transaction PlatformState::Inject(Transaction transaction) {
    std::lock_guard lock(mutex_);
    transaction.status = PaymentStatus::kPaid;
    transaction.injected = true;
    transaction.transaction_id = NextTransactionId();
    const std::string reference = transaction.reference;
    transactions_.insert_or_assign(reference, transaction);
    return transaction;
}

std::optional<Transaction> PlatformState::Find(std::string_view reference) const {
    std::lock_guard lock(mutex_);
    const auto found = transactions_.find(reference);
    return found == transactions_.end() ? std::nullopt : std::optional(found->second);
}

std::optional<Transaction> PlatformState::Settle(std::string_view reference,
                                                 std::string_view result,
                                                 std::string_view time_gd) {
    std::lock_guard lock(mutex_);
    const auto found = transactions_.find(reference);
    if (found == transactions_.end() || found->second.status != PaymentStatus::kPending) {
        return std::nullopt;
    }
    Transaction& transaction = found->second;
    transaction.result = std::string(result);
    transaction.status = result == "00" ? PaymentStatus::kPaid : PaymentStatus::kFailed;
    transaction.transaction_id = NextTransactionId();
    transaction.settled_gd = std::string(time_gd);
    counters_.Count(counter::kSettled);
    return transaction;
}

std::vector<Transaction> PlatformState::PaidOn(std::string_view day) const {
    std::lock_guard lock(mutex_);
    std::vector<Transaction> paid;
    for (const auto& [reference, transaction] : transactions_) {
        if (transaction.status == PaymentStatus::kPaid && transaction.settled_gd.starts_with(day)) {
            paid.push_back(transaction);
        }
    }
    std::sort(paid.begin(), paid.end(), [](const Transaction& a, const Transaction& b) {
        return std::stoull(a.transaction_id) < std::stoull(b.transaction_id);
    });
    return paid;
}

int PlatformState::NextDelivery(std::string_view reference) {
    std::lock_guard lock(mutex_);
    const auto found = deliveries_.find(reference);
    if (found == deliveries_.end()) {
        deliveries_.emplace(std::string(reference), 1);
        return 1;
    }
    return ++found->second;
}

void PlatformState::Record(ConfirmAttempt attempt) {
    std::lock_guard lock(mutex_);
    counters_.Count(counter::kConfirmsSent);
    counters_.Count(attempt.status == 0         ? counter::kConfirmsFailed
                    : attempt.error_code == "0" ? counter::kConfirmsAccepted
                                                : counter::kConfirmsRefused);
    attempts_.push_back(std::move(attempt));
}

json::object TransactionJson(const Transaction& transaction) {
    return {{"reference", transaction.reference},
            {"amount", transaction.amount_vnd},
            {"info", transaction.info},
            {"status", PaymentStatusName(transaction.status)},
            {"result", transaction.result},
            {"transaction_id", transaction.transaction_id},
            {"created_gd", transaction.created_gd},
            {"settled_gd", transaction.settled_gd},
            {"return_url", transaction.return_url},
            {"injected", transaction.injected},
            {"receipt", transaction.receipt}};
}

json::object AttemptJson(const ConfirmAttempt& attempt) {
    return {{"reference", attempt.reference},
            {"delivery", attempt.delivery},
            {"attempt", attempt.attempt},
            {"url", attempt.url},
            {"tamper", attempt.tamper},
            {"status", attempt.status},
            {"error_code", attempt.error_code},
            {"reply", attempt.reply},
            {"error", attempt.error}};
}

json::object PlatformState::StateJson() const {
    std::lock_guard lock(mutex_);
    json::array transactions;
    for (const auto& [reference, transaction] : transactions_) {
        transactions.emplace_back(TransactionJson(transaction));
    }
    json::array attempts;
    for (const ConfirmAttempt& attempt : attempts_) {
        attempts.emplace_back(AttemptJson(attempt));
    }
    return {{"confirm_url", merchant_.Url()},
            {"scenario", ScenarioName(merchant_.Scenario())},
            {"transactions", std::move(transactions)},
            {"confirms", std::move(attempts)},
            {"counters", counters_.Json()}};
}

void PlatformState::Reset() {
    std::lock_guard lock(mutex_);
    transactions_.clear();
    deliveries_.clear();
    attempts_.clear();
    next_transaction_ = kFirstTransactionId;
    merchant_.Reset();
    counters_.Reset();
}

}  // namespace motcua::sim::payment_platform
