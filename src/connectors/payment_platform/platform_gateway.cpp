#include "connectors/payment_platform/platform_gateway.hpp"

namespace motcua::connectors {
namespace {

Error PlatformFailed(std::string detail) {
    return MakeError(ErrorKind::kUnavailable, "unavailable", "payment_platform", std::move(detail));
}

services::GatewayPayment ToPayment(const PlatformConfirm& confirm) {
    services::GatewayPayment payment;
    payment.status = confirm.Paid() ? services::GatewayPayment::Status::kPaid
                     : confirm.result == kPlatformPending
                         ? services::GatewayPayment::Status::kPending
                         : services::GatewayPayment::Status::kFailed;
    payment.reference = confirm.reference;
    payment.amount_vnd = confirm.amount_vnd;
    payment.transaction_no = confirm.transaction_id;
    payment.result_code = confirm.result;
    return payment;
}

}  // namespace

PlatformGateway::PlatformGateway(PlatformGatewayOptions options, const Clock& clock,
                                 std::unique_ptr<HttpClient> http)
    : options_(std::move(options)), clock_(clock), http_(std::move(http)) {}

PlatformGateway::~PlatformGateway() = default;

Outcome<std::unique_ptr<PlatformGateway>> PlatformGateway::Create(PlatformGatewayOptions options,
                                                                  const Clock& clock) {
    options.http.base_url = options.merchant.base_url;
    MOTCUA_ASSIGN_OR_RETURN(auto http, HttpClient::Create(options.http));
    return std::unique_ptr<PlatformGateway>(
        new PlatformGateway(std::move(options), clock, std::move(http)));
}

std::string_view PlatformGateway::Name() const { return "payment_platform"; }

Outcome<std::string> PlatformGateway::Start(const services::GatewayOrder& order) {
    PlatformInit init;
    init.reference = order.reference;
    init.amount_vnd = order.amount_vnd;
    init.info = order.info;
    init.time_gd = PlatformTime(order.created_at);
    init.ip = order.ip;
    init.return_url = order.return_url;
    auto& receipt = init.receipt;
    receipt.service_code = order.procedure_code;
    receipt.service_name = order.procedure_name;
    receipt.procedure_code = order.procedure_code;
    receipt.procedure_name = order.procedure_name;
    receipt.agency_code = order.agency_code;
    receipt.agency_name = order.agency_name;
    receipt.dossier_code = order.dossier_code;
    receipt.payer_name = order.payer_name;
    receipt.payer_id_number = order.payer_id_number;
    receipt.payment_content = order.info;
    for (const auto& item : order.items) {
        receipt.fees.push_back(
            {.kind = std::string(item.kind == "charge" ? kPlatformCharge : kPlatformFee),
             .code = item.code,
             .name = item.name,
             .amount_vnd = item.amount_vnd});
        receipt.lines.push_back({.content = item.name, .amount_vnd = item.amount_vnd});
    }
    MOTCUA_ASSIGN_OR_RETURN(
        const auto answer,
        http_->Post(kPlatformInitPath, PlatformInitBody(options_.merchant, init)));
    auto url = ReadPlatformInitAnswer(answer.status, answer.body);
    if (!url.value) {
        return PlatformFailed("INIT: " + url.error);
    }
    return *url.value;
}

services::GatewayCallback PlatformGateway::ReadCallback(
    const services::CallbackRequest& request) const {
    services::GatewayCallback read;
    auto confirm = ParsePlatformConfirm(request.body);
    if (!confirm.value) {
        read.detail = confirm.error;
        return read;
    }
    if (!VerifyPlatformConfirm(*confirm.value, options_.merchant.secret)) {
        read.check = services::GatewayCallback::Check::kBadSignature;
        read.detail = "MaXacThuc does not verify";
        return read;
    }
    if (confirm.value->partner_code != options_.merchant.partner_code ||
        confirm.value->currency != "VND") {
        read.detail = "MaDoiTac or MaTienTe is not this merchant's";
        return read;
    }
    read.check = services::GatewayCallback::Check::kVerified;
    read.payment = ToPayment(*confirm.value);
    return read;
}

services::CallbackAnswer PlatformGateway::Answer(services::CallbackReply reply) const {
    using services::CallbackReply;
    PlatformConfirmCode code = PlatformConfirmCode::kRetryLater;
    switch (reply) {
        case CallbackReply::kRecorded:
        case CallbackReply::kAlreadyRecorded:
            code = PlatformConfirmCode::kAccepted;
            break;
        case CallbackReply::kUnknownOrder:
            code = PlatformConfirmCode::kUnknownReference;
            break;
        case CallbackReply::kAmountMismatch:
            code = PlatformConfirmCode::kAmountMismatch;
            break;
        case CallbackReply::kBadSignature:
            code = PlatformConfirmCode::kBadSignature;
            break;
        case CallbackReply::kMalformed:
            code = PlatformConfirmCode::kMalformed;
            break;
        case CallbackReply::kRetryLater:
            code = PlatformConfirmCode::kRetryLater;
            break;
    }
    return {.content_type = "application/json", .body = PlatformConfirmReply(code)};
}

Outcome<services::GatewayPayment> PlatformGateway::Query(const services::GatewayOrder& order) {
    MOTCUA_ASSIGN_OR_RETURN(
        const auto answer,
        http_->Post(kPlatformQueryPath, PlatformQueryBody(options_.merchant, order.reference,
                                                          PlatformTime(clock_.Now()))));
    auto confirm =
        ReadPlatformQueryAnswer(answer.status, answer.body, options_.merchant, order.reference);
    if (!confirm.value) {
        return PlatformFailed("QUERY: " + confirm.error);
    }
    return ToPayment(*confirm.value);
}

Outcome<std::vector<services::GatewayTransaction>> PlatformGateway::Report(const std::string& day) {
    std::string compact = day;
    std::erase(compact, '-');
    MOTCUA_ASSIGN_OR_RETURN(
        const auto answer,
        http_->Post(kPlatformReportPath, PlatformReportBody(options_.merchant, compact)));
    auto report = ReadPlatformReport(answer.status, answer.body);
    if (!report.value) {
        return PlatformFailed("report: " + report.error);
    }
    std::vector<services::GatewayTransaction> paid;
    for (auto& entry : *report.value) {
        if (entry.result != kPlatformPaid) {
            continue;
        }
        paid.push_back({.reference = std::move(entry.reference),
                        .transaction_no = std::move(entry.transaction_id),
                        .amount_vnd = entry.amount_vnd,
                        .paid_at = std::move(entry.time_gd)});
    }
    return paid;
}

}  // namespace motcua::connectors
