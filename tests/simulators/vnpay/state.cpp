// The transactions live in a map by "tmn_code|txn_ref"; `order_` keeps the order they came in
// for the state route.
#include "simulators/vnpay/state.hpp"

#include <algorithm>

#include <boost/json.hpp>

namespace motcua::sim::vnpay {

namespace json = boost::json;

namespace {

constexpr std::array<std::pair<Scenario, std::string_view>, 5> kScenarios = {{
    {Scenario::kNormal, "normal"},
    {Scenario::kLost, "lost"},
    {Scenario::kRepeated, "repeated"},
    {Scenario::kBeforeReturn, "before_return"},
    {Scenario::kAfterReturn, "after_return"},
}};

constexpr std::array<std::pair<Outcome, std::string_view>, 4> kOutcomes = {{
    {Outcome::kSuccess, "success"},
    {Outcome::kCancel, "cancel"},
    {Outcome::kInsufficient, "insufficient"},
    {Outcome::kTimeout, "timeout"},
}};

}  // namespace

std::string_view ScenarioName(Scenario scenario) {
    for (const auto& [value, name] : kScenarios) {
        if (value == scenario) {
            return name;
        }
    }
    return "normal";
}

std::optional<Scenario> ParseScenario(std::string_view name) {
    for (const auto& [value, known] : kScenarios) {
        if (known == name) {
            return value;
        }
    }
    return std::nullopt;
}

std::string_view OutcomeName(Outcome outcome) {
    for (const auto& [value, name] : kOutcomes) {
        if (value == outcome) {
            return name;
        }
    }
    return "success";
}

std::optional<Outcome> ParseOutcome(std::string_view name) {
    for (const auto& [value, known] : kOutcomes) {
        if (known == name) {
            return value;
        }
    }
    return std::nullopt;
}

json::object IpnAttemptJson(const IpnAttempt& attempt) {
    return {
        {"kind", attempt.kind},         {"tamper", attempt.tamper},      {"at", attempt.at},
        {"status", attempt.status},     {"body", attempt.body},          {"error", attempt.error},
        {"rsp_code", attempt.rsp_code}, {"confirmed", attempt.confirmed}};
}

json::object TransactionJson(const Transaction& transaction) {
    json::array ipn;
    for (const IpnAttempt& attempt : transaction.ipn) {
        ipn.emplace_back(IpnAttemptJson(attempt));
    }
    const connectors::VnpayPayRequest& request = transaction.request;
    return {{"tmn_code", transaction.tmn_code},
            {"txn_ref", request.txn_ref},
            {"amount", request.amount_vnd},
            {"order_info", request.order_info},
            {"order_type", request.order_type},
            {"locale", request.locale},
            {"return_url", request.return_url},
            {"ip_addr", request.ip_addr},
            {"create_date", request.create_date},
            {"expire_date", request.expire_date},
            {"bank_code", request.bank_code},
            {"status", transaction.status},
            {"injected", transaction.injected},
            {"response_code", transaction.response_code},
            {"transaction_status", transaction.transaction_status},
            {"transaction_no", transaction.transaction_no},
            {"bank_tran_no", transaction.bank_tran_no},
            {"card_type", transaction.card_type},
            {"pay_date", transaction.pay_date},
            {"ipn", std::move(ipn)}};
}

connectors::VnpayParams ResultParams(const Transaction& transaction) {
    return {
        {"vnp_Amount", std::to_string(transaction.request.amount_vnd * 100)},
        {"vnp_BankCode", transaction.request.bank_code},
        {"vnp_BankTranNo", transaction.bank_tran_no},
        {"vnp_CardType", transaction.card_type},
        {"vnp_OrderInfo", transaction.request.order_info},
        {"vnp_PayDate", transaction.pay_date},
        {"vnp_ResponseCode", transaction.response_code},
        {"vnp_TmnCode", transaction.tmn_code},
        {"vnp_TransactionNo", transaction.transaction_no},
        {"vnp_TransactionStatus", transaction.transaction_status},
        {"vnp_TxnRef", transaction.request.txn_ref},
    };
}

GatewayState::GatewayState(std::string ipn_url, Scenario scenario)
    : SimState(counter::kAll), merchant_(std::move(ipn_url), scenario) {}

std::string GatewayState::Key(std::string_view tmn_code, std::string_view txn_ref) {
    return std::string(tmn_code) + "|" + std::string(txn_ref);
}

bool GatewayState::Open(const Transaction& transaction) {
    std::lock_guard lock(mutex_);
    std::string key = Key(transaction.tmn_code, transaction.request.txn_ref);
    if (!transactions_.try_emplace(key, transaction).second) {
        return false;
    }
    order_.push_back(std::move(key));
    return true;
}

bool GatewayState::Inject(Transaction transaction) {
    transaction.injected = true;
    return Open(transaction);
}

std::optional<Transaction> GatewayState::Find(std::string_view tmn_code,
                                              std::string_view txn_ref) const {
    std::lock_guard lock(mutex_);
    const auto found = transactions_.find(Key(tmn_code, txn_ref));
    if (found == transactions_.end()) {
        return std::nullopt;
    }
    return found->second;
}

std::optional<Transaction> GatewayState::Settle(std::string_view tmn_code, std::string_view txn_ref,
                                                const std::function<void(Transaction&)>& settle) {
    std::lock_guard lock(mutex_);
    const auto found = transactions_.find(Key(tmn_code, txn_ref));
    if (found == transactions_.end()) {
        return std::nullopt;
    }
    if (found->second.status == "pending") {
        settle(found->second);
        counters_.Count(counter::kSettled);
    }
    return found->second;
}

void GatewayState::RecordIpn(std::uint64_t generation, std::string_view tmn_code,
                             std::string_view txn_ref, IpnAttempt attempt) {
    std::lock_guard lock(mutex_);
    if (generation != generation_) {
        return;
    }
    counters_.Count(counter::kIpnAttempts);
    if (const auto found = transactions_.find(Key(tmn_code, txn_ref));
        found != transactions_.end()) {
        found->second.ipn.push_back(std::move(attempt));
    }
}

bool GatewayState::FirstRequest(const std::string& request_id) {
    std::lock_guard lock(mutex_);
    return request_ids_.insert(request_id).second;
}

std::vector<Transaction> GatewayState::SettledOn(std::string_view date) const {
    std::lock_guard lock(mutex_);
    std::vector<Transaction> settled;
    for (const auto& [key, transaction] : transactions_) {
        if (transaction.status != "pending" && transaction.pay_date.starts_with(date)) {
            settled.push_back(transaction);
        }
    }
    std::ranges::stable_sort(settled, {}, &Transaction::pay_date);
    return settled;
}

std::int64_t GatewayState::NextTransactionNo() {
    std::lock_guard lock(mutex_);
    return next_transaction_no_++;
}

std::uint64_t GatewayState::Generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

json::object GatewayState::StateJson() const {
    std::lock_guard lock(mutex_);
    json::array transactions;
    for (const std::string& key : order_) {
        transactions.emplace_back(TransactionJson(transactions_.at(key)));
    }
    return {{"ipn_url", merchant_.Url()},
            {"scenario", ScenarioName(merchant_.Scenario())},
            {"transactions", std::move(transactions)},
            {"counters", counters_.Json()}};
}

void GatewayState::Reset() {
    std::lock_guard lock(mutex_);
    ++generation_;
    merchant_.Reset();
    transactions_.clear();
    order_.clear();
    request_ids_.clear();
    counters_.Reset();
}

}  // namespace motcua::sim::vnpay
