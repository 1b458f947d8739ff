// The gateway's part of the control routes: transactions made without a browser or a pay URL,
// and stored IPNs sent again, as they were or tampered with (README.md "Control routes").
#include <boost/json.hpp>

#include "connectors/vnpay/vnpay_protocol.hpp"
#include "simulators/common/control_switches.hpp"
#include "simulators/common/json_body.hpp"
#include "simulators/vnpay/gateway.hpp"

namespace motcua::sim::vnpay {
namespace {

namespace json = boost::json;

// A string member: its value, "" when absent; nullopt when of another type.
std::optional<std::string> Text(const json::object& body, std::string_view key) {
    const json::value* value = body.if_contains(key);
    if (value == nullptr) {
        return std::string();
    }
    if (!value->is_string()) {
        return std::nullopt;
    }
    return std::string(value->get_string());
}

// The signed query of the stored result, spoiled as `tamper` says: "amount" changes vnp_Amount
// after signing, "signature" changes the last digit of vnp_SecureHash.
std::optional<std::string> TamperedQuery(const Transaction& transaction, std::string_view tamper,
                                         const std::string& secret) {
    connectors::VnpayParams params = ResultParams(transaction);
    const std::string signature = connectors::VnpaySign(secret, connectors::VnpaySignData(params));
    if (tamper == "none") {
        return connectors::VnpaySignedQuery(params, secret);
    }
    if (tamper == "amount") {
        params.front().second = std::to_string((transaction.request.amount_vnd + 100) * 100);
        return connectors::VnpaySignData(params) + "&vnp_SecureHash=" + signature;
    }
    if (tamper == "signature") {
        std::string spoiled = signature;
        spoiled.back() = spoiled.back() == '0' ? '1' : '0';
        return connectors::VnpaySignData(params) + "&vnp_SecureHash=" + spoiled;
    }
    return std::nullopt;
}

}  // namespace

SimReply Gateway::Inject(const json::object& body) {
    const auto txn_ref = Text(body, "txn_ref");
    const auto outcome_name = Text(body, "outcome");
    const auto order_info = Text(body, "order_info");
    const auto pay_date = Text(body, "pay_date");
    const json::value* amount = body.if_contains("amount");
    if (!txn_ref || txn_ref->empty()) {
        return ControlError(400, "txn_ref: must be a non-empty string");
    }
    if (amount == nullptr || !amount->is_int64() || amount->get_int64() <= 0) {
        return ControlError(400, "amount: must be a positive integer (đồng)");
    }
    const auto outcome = outcome_name
                             ? ParseOutcome(outcome_name->empty() ? "success" : *outcome_name)
                             : std::nullopt;
    if (!outcome) {
        return ControlError(400, "outcome: success | cancel | insufficient | timeout");
    }
    if (!order_info || !pay_date || (!pay_date->empty() && !connectors::IsVnpayDate(*pay_date))) {
        return ControlError(400, "order_info, pay_date: strings; pay_date yyyyMMddHHmmss");
    }
    const std::string paid_at = pay_date->empty() ? NowVnpay() : *pay_date;
    Transaction transaction;
    transaction.tmn_code = options_.tmn_code;
    transaction.request = {
        .txn_ref = *txn_ref,
        .amount_vnd = amount->get_int64(),
        .order_info = order_info->empty() ? "Giao dịch ngoài hệ thống" : *order_info,
        .return_url = "",
        .ip_addr = "0.0.0.0",
        .create_date = paid_at};
    Decide(transaction, *outcome, paid_at, state_.NextTransactionNo());
    if (!state_.Inject(transaction)) {
        return ControlError(409, "txn_ref taken: " + *txn_ref);
    }
    state_.Count(counter::kSettled);
    transaction.injected = true;
    return JsonReply({{"transaction", TransactionJson(transaction)}});
}

SimReply Gateway::ReplayIpn(const json::object& body) {
    const auto txn_ref = Text(body, "txn_ref");
    const auto tamper_text = Text(body, "tamper");
    if (!txn_ref || txn_ref->empty() || !tamper_text) {
        return ControlError(400, "txn_ref: must be a non-empty string; tamper: a string");
    }
    const std::string tamper = tamper_text->empty() ? "none" : *tamper_text;
    const auto transaction = state_.Find(options_.tmn_code, *txn_ref);
    if (!transaction) {
        return ControlError(404, "no transaction " + *txn_ref);
    }
    if (transaction->status == "pending") {
        return ControlError(409, "not settled yet: " + *txn_ref);
    }
    const auto query = TamperedQuery(*transaction, tamper, options_.hash_secret);
    if (!query) {
        return ControlError(400, "tamper: none | amount | signature");
    }
    const auto attempt =
        DeliverIpn(state_.Generation(), *transaction, *query, "replay", tamper, 0, {});
    if (!attempt) {
        return ControlError(409, "no IPN URL: set one with POST /_sim/merchant");
    }
    return JsonReply({{"ipn", IpnAttemptJson(*attempt)}});
}

}  // namespace motcua::sim::vnpay
