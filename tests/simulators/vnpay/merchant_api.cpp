// The checks of a querydr call in order: the body (03), the command (03: refunds are not
// simulated), the TmnCode (02), the signature (97), the fields (03), the request id (94), the
// transaction (91). A request id is remembered only once the call is signed.
#include "simulators/vnpay/merchant_api.hpp"

#include <optional>

#include <boost/json.hpp>

#include "connectors/vnpay/vnpay_query.hpp"
#include "simulators/common/json_body.hpp"

namespace motcua::sim::vnpay {
namespace {

namespace json = boost::json;
using connectors::VnpayQueryAnswer;
using connectors::VnpayQueryRequest;

std::string_view QueryMessage(std::string_view code) {
    if (code == "00") {
        return "QueryDR Success";
    }
    if (code == "02") {
        return "Invalid TmnCode";
    }
    if (code == "03") {
        return "Invalid data format";
    }
    if (code == "91") {
        return "Transaction not found";
    }
    if (code == "94") {
        return "Duplicate request";
    }
    if (code == "97") {
        return "Invalid checksum";
    }
    return "Other errors";
}

SimReply Json(std::string body) {
    SimReply reply;
    reply.body = std::move(body);
    return reply;
}

bool FieldsComplete(const VnpayQueryRequest& call) {
    return !call.request_id.empty() && call.request_id.size() <= 32 && !call.txn_ref.empty() &&
           connectors::IsVnpayDate(call.transaction_date) &&
           connectors::IsVnpayDate(call.create_date) && !call.ip_addr.empty() &&
           !call.order_info.empty();
}

// The report's date: yyyyMMdd.
bool IsDay(std::string_view date) {
    return date.size() == 8 && connectors::IsVnpayDate(std::string(date) + "000000");
}

}  // namespace

MerchantApi::MerchantApi(const GatewayOptions& options, GatewayState& state)
    : options_(options), state_(state) {}

SimReply MerchantApi::QueryDr(const SimRequest& request) {
    VnpayQueryAnswer answer;
    answer.response_id = "SIM" + std::to_string(next_response_id_++);
    answer.tmn_code = options_.tmn_code;
    const auto call = connectors::ReadVnpayQueryDrBody(request.body);
    if (call) {
        answer.txn_ref = call->txn_ref;
    }
    std::optional<Transaction> held;
    // The checks in VNPay's order; the first that fails answers (03 malformed, 02 another
    // merchant, 97 bad checksum, 94 a repeated request id, 91 no such transaction).
    const auto refusal = [&]() -> std::optional<std::string> {
        if (!call || call->command != "querydr") {
            return "03";
        }
        if (call->tmn_code != options_.tmn_code) {
            return "02";
        }
        if (!connectors::VnpayQueryDrSigned(*call, options_.hash_secret)) {
            return "97";
        }
        if (!FieldsComplete(*call)) {
            return "03";
        }
        if (!state_.FirstRequest(call->request_id)) {
            return "94";
        }
        held = state_.Find(options_.tmn_code, call->txn_ref);
        if (!held) {
            return "91";
        }
        return std::nullopt;
    }();
    if (refusal || !held) {
        answer.response_code = refusal.value_or("99");
    } else {
        answer.response_code = "00";
        answer.amount = std::to_string(held->request.amount_vnd * 100);
        answer.bank_code = held->request.bank_code;
        answer.pay_date = held->pay_date;
        answer.transaction_no = held->transaction_no;
        answer.transaction_type = "01";
        // 01: not finished yet (the citizen is still on the payment page).
        answer.transaction_status = held->status == "pending" ? "01" : held->transaction_status;
        answer.order_info = held->request.order_info;
    }
    answer.message = QueryMessage(answer.response_code);
    state_.Count(counter::kQueries);
    return Json(connectors::VnpayQueryDrAnswerJson(answer, options_.hash_secret));
}

SimReply MerchantApi::Report(const SimRequest& request) {
    connectors::VnpayReport report{.tmn_code = options_.tmn_code};
    const auto body = ParseObject(request.body);
    const auto text = [&](std::string_view key) -> std::string {
        const json::value* value = body ? body->if_contains(key) : nullptr;
        return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
    };
    const std::string tmn_code = text("tmn_code");
    const std::string date = text("date");
    report.date = date;
    if (!body || !IsDay(date)) {
        report.response_code = "03";
    } else if (tmn_code != options_.tmn_code) {
        report.response_code = "02";
    } else if (!connectors::VnpaySignatureMatches(options_.hash_secret, tmn_code + "|" + date,
                                                  text("secure_hash"))) {
        report.response_code = "97";
    } else {
        report.response_code = "00";
        for (const Transaction& settled : state_.SettledOn(date)) {
            report.transactions.push_back(
                {.txn_ref = settled.request.txn_ref,
                 .transaction_no = settled.transaction_no,
                 .amount = std::to_string(settled.request.amount_vnd * 100),
                 .response_code = settled.response_code,
                 .pay_date = settled.pay_date});
        }
    }
    state_.Count(counter::kReports);
    return Json(connectors::VnpayReportJson(report, options_.hash_secret));
}

}  // namespace motcua::sim::vnpay
