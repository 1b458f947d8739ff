#include "connectors/vnpay/vnpay_gateway.hpp"

#include <atomic>

#include "connectors/vnpay/vnpay_query.hpp"

namespace motcua::connectors {
namespace {

std::chrono::sys_seconds Seconds(Instant at) {
    return std::chrono::floor<std::chrono::seconds>(at);
}

Error QueryFailed(std::string detail) {
    return MakeError(ErrorKind::kUnavailable, "unavailable", "vnpay", std::move(detail));
}

}  // namespace

VnpayGateway::VnpayGateway(VnpayGatewayOptions options, const Clock& clock,
                           std::unique_ptr<HttpClient> http)
    : options_(std::move(options)), clock_(clock), http_(std::move(http)) {}

VnpayGateway::~VnpayGateway() = default;

Outcome<std::unique_ptr<VnpayGateway>> VnpayGateway::Create(VnpayGatewayOptions options,
                                                            const Clock& clock) {
    options.http.base_url =
        options.merchant.api_url.empty() ? options.merchant.pay_base_url : options.merchant.api_url;
    MOTCUA_ASSIGN_OR_RETURN(auto http, HttpClient::Create(options.http));
    return std::unique_ptr<VnpayGateway>(
        new VnpayGateway(std::move(options), clock, std::move(http)));
}

std::string_view VnpayGateway::Name() const { return "vnpay"; }

Outcome<std::string> VnpayGateway::Start(const services::GatewayOrder& order) {
    VnpayPayRequest request;
    request.txn_ref = order.reference;
    request.amount_vnd = order.amount_vnd;
    request.order_info = order.info;
    request.locale = order.locale == "en" ? "en" : "vn";
    request.return_url = order.return_url;
    request.ip_addr = order.ip;
    request.create_date = VnpayDate(Seconds(order.created_at));
    request.expire_date = VnpayDate(Seconds(order.created_at) + options_.expire_after);
    return BuildVnpayPayUrl(options_.merchant, request);
}

services::GatewayCallback VnpayGateway::ReadCallback(
    const services::CallbackRequest& request) const {
    services::GatewayCallback read;
    const auto params = ParseVnpayQuery(request.query);
    if (!params) {
        read.detail = "the query string cannot be decoded";
        return read;
    }
    const VnpayCallback callback = VnpayVerify(*params, options_.merchant.hash_secret);
    if (!callback.signature_ok) {
        read.check = services::GatewayCallback::Check::kBadSignature;
        read.detail = "vnp_SecureHash does not verify";
        return read;
    }
    if (callback.tmn_code != options_.merchant.tmn_code || callback.txn_ref.empty() ||
        !callback.amount_vnd) {
        read.detail = "vnp_TmnCode, vnp_TxnRef or vnp_Amount is wrong";
        return read;
    }
    read.check = services::GatewayCallback::Check::kVerified;
    read.payment.status = callback.Paid() ? services::GatewayPayment::Status::kPaid
                                          : services::GatewayPayment::Status::kFailed;
    read.payment.reference = callback.txn_ref;
    read.payment.amount_vnd = *callback.amount_vnd;
    read.payment.transaction_no = callback.transaction_no;
    read.payment.result_code = callback.response_code;
    return read;
}

services::CallbackAnswer VnpayGateway::Answer(services::CallbackReply reply) const {
    using services::CallbackReply;
    VnpayIpnReply ipn = VnpayIpnReply::kUnknownError;
    switch (reply) {
        case CallbackReply::kRecorded:
            ipn = VnpayIpnReply::kConfirmSuccess;
            break;
        case CallbackReply::kAlreadyRecorded:
            ipn = VnpayIpnReply::kAlreadyConfirmed;
            break;
        case CallbackReply::kUnknownOrder:
            ipn = VnpayIpnReply::kOrderNotFound;
            break;
        case CallbackReply::kAmountMismatch:
            ipn = VnpayIpnReply::kInvalidAmount;
            break;
        case CallbackReply::kBadSignature:
            ipn = VnpayIpnReply::kFailChecksum;
            break;
        case CallbackReply::kMalformed:
        case CallbackReply::kRetryLater:
            ipn = VnpayIpnReply::kUnknownError;
            break;
    }
    return {.content_type = "application/json", .body = VnpayIpnReplyJson(ipn)};
}

Outcome<services::GatewayPayment> VnpayGateway::Query(const services::GatewayOrder& order) {
    static std::atomic<std::uint64_t> calls{0};
    const auto now = Seconds(clock_.Now());
    VnpayQueryRequest request;
    request.request_id = order.reference + "Q" + std::to_string(now.time_since_epoch().count()) +
                         "N" + std::to_string(++calls);
    request.txn_ref = order.reference;
    request.transaction_date = VnpayDate(Seconds(order.created_at));
    request.create_date = VnpayDate(now);
    request.ip_addr = options_.server_ip;
    request.order_info = "Truy van giao dich " + order.reference;
    MOTCUA_ASSIGN_OR_RETURN(
        const auto answer,
        http_->Post(kVnpayApiPath, VnpayQueryDrBody(options_.merchant, std::move(request))));
    if (answer.status != 200) {
        return QueryFailed("querydr answered HTTP " + std::to_string(answer.status));
    }
    const auto read = ReadVnpayQueryDrAnswer(answer.body, options_.merchant);
    if (!read || !read->signature_ok) {
        return QueryFailed("querydr answered an unsigned or malformed body");
    }
    services::GatewayPayment payment;
    payment.reference = order.reference;
    payment.result_code = read->answer.response_code;
    if (read->answer.response_code == "91") {
        payment.status = services::GatewayPayment::Status::kFailed;  // Never reached VNPay.
        return payment;
    }
    if (read->answer.response_code != "00" || read->answer.txn_ref != order.reference ||
        !read->amount_vnd) {
        return QueryFailed("querydr answered " + read->answer.response_code);
    }
    payment.amount_vnd = *read->amount_vnd;
    payment.transaction_no = read->answer.transaction_no;
    const auto& status = read->answer.transaction_status;
    payment.status = status == "00"   ? services::GatewayPayment::Status::kPaid
                     : status == "01" ? services::GatewayPayment::Status::kPending
                                      : services::GatewayPayment::Status::kFailed;
    return payment;
}

Outcome<std::vector<services::GatewayTransaction>> VnpayGateway::Report(const std::string& day) {
    std::string compact = day;
    std::erase(compact, '-');
    MOTCUA_ASSIGN_OR_RETURN(
        const auto answer,
        http_->Post(kVnpayReportPath, VnpayReportRequestBody(options_.merchant, compact)));
    if (answer.status != 200) {
        return QueryFailed("report answered HTTP " + std::to_string(answer.status));
    }
    const auto report = ReadVnpayReport(answer.body, options_.merchant);
    if (!report || !report->signature_ok) {
        return QueryFailed("report answered an unsigned or malformed body");
    }
    if (report->response_code != "00" || report->date != compact) {
        return QueryFailed("report answered response code " + report->response_code);
    }
    std::vector<services::GatewayTransaction> paid;
    for (const auto& item : report->transactions) {
        if (item.response_code != "00") {
            continue;  // Failed: nothing was taken.
        }
        const auto amount = VnpayAmountVnd(item.amount);
        if (!amount) {
            return QueryFailed("report lists an amount that is not whole đồng");
        }
        paid.push_back({.reference = item.txn_ref,
                        .transaction_no = item.transaction_no,
                        .amount_vnd = *amount,
                        .paid_at = item.pay_date});
    }
    return paid;
}

}  // namespace motcua::connectors
