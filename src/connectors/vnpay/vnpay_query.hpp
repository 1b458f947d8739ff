// VNPay's server-to-server calls as pure functions: querydr (the result of one transaction,
// POST JSON to kVnpayApiPath) with its pipe-joined HMAC-SHA512 signatures, as the `vnpay` npm
// package 2.5.0 computes them; and the daily reconciliation report, which is NOT VNPay's (VNPay
// settles through its merchant portal) but the VNPay simulator's own stand-in for it
// (tests/simulators/vnpay/README.md). Both sides are here, the merchant's and the gateway's,
// because the simulator compiles this file too.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/vnpay/vnpay_protocol.hpp"

namespace motcua::connectors {

/// The querydr endpoint: api_url (or pay_base_url) + kVnpayApiPath.
std::string VnpayApiUrl(const VnpayMerchant& merchant);

/// A querydr call.
struct VnpayQueryRequest {
    std::string request_id;  ///< vnp_RequestId: unique per call (a repeat is answered 94).
    std::string version = std::string(kVnpayVersion);
    std::string command = "querydr";
    std::string tmn_code;          ///< Filled from the merchant by VnpayQueryDrBody.
    std::string txn_ref;           ///< The payment's vnp_TxnRef.
    std::string transaction_date;  ///< The pay URL's vnp_CreateDate.
    std::string create_date;       ///< Now, yyyyMMddHHmmss GMT+7.
    std::string ip_addr;           ///< The calling server's address.
    std::string order_info;
    std::string transaction_no;  ///< Optional, not signed.
    std::string secure_hash;     ///< As received (ReadVnpayQueryDrBody).
};
/// RequestId|Version|Command|TmnCode|TxnRef|TransactionDate|CreateDate|IpAddr|OrderInfo.
std::string VnpayQueryDrRequestData(const VnpayQueryRequest& request);
/// The JSON body of the call, with tmn_code from `merchant`, signed.
std::string VnpayQueryDrBody(const VnpayMerchant& merchant, VnpayQueryRequest request);
/// The gateway's side: a body's fields (strings, or integers written as decimal digits); nullopt
/// when it is not a JSON object or a field is of another type.
std::optional<VnpayQueryRequest> ReadVnpayQueryDrBody(std::string_view body);
/// Whether `request.secure_hash` is the signature of its data under `secret` (constant time).
bool VnpayQueryDrSigned(const VnpayQueryRequest& request, std::string_view secret);

/// A querydr answer's fields (all strings on the wire; absent ones empty).
struct VnpayQueryAnswer {
    std::string response_id;
    std::string command = "querydr";
    std::string response_code;  ///< 00 found, 02 bad TmnCode, 03 bad data, 91 not found,
                                ///< 94 duplicate request, 97 bad signature, 99 other.
    std::string message;
    std::string tmn_code;
    std::string txn_ref;
    std::string amount;  ///< đồng × 100.
    std::string bank_code;
    std::string pay_date;
    std::string transaction_no;
    std::string transaction_type;    ///< 01 payment, 02 full refund, 03 partial refund.
    std::string transaction_status;  ///< 00 paid, 01 pending, 02 failed, …
    std::string order_info;
    std::string promotion_code;
    std::string promotion_amount;
    std::string secure_hash;
};
/// ResponseId|Command|ResponseCode|Message|<tmn_code>|TxnRef|Amount|BankCode|PayDate|
/// TransactionNo|TransactionType|TransactionStatus|OrderInfo|PromotionCode|PromotionAmount,
/// with the merchant's own `tmn_code` as the npm package does.
std::string VnpayQueryDrAnswerData(std::string_view tmn_code, const VnpayQueryAnswer& answer);
/// The gateway's side: the answer as JSON, signed (the promotion fields only when set).
std::string VnpayQueryDrAnswerJson(const VnpayQueryAnswer& answer, std::string_view secret);

/// What a querydr answer says, read by the merchant.
struct VnpayQueryResult {
    VnpayQueryAnswer answer;
    bool signature_ok = false;  ///< vnp_SecureHash present and right (the npm package also
                                ///< accepts an answer without one; MotCua does not).
    std::optional<std::int64_t> amount_vnd;  ///< VnpayAmountVnd(answer.amount).
};
/// nullopt when the body is not a JSON object or a field is neither a string nor an integer
/// (`null` is read as the text "null", as the npm package's String(null) does).
std::optional<VnpayQueryResult> ReadVnpayQueryDrAnswer(std::string_view body,
                                                       const VnpayMerchant& merchant);

// ---- The simulator's reconciliation report (not VNPay's) ------------------------------------

inline constexpr std::string_view kVnpayReportPath = "/merchant_webapi/api/report";

/// One settled transaction of a day.
struct VnpayReportItem {
    std::string txn_ref;
    std::string transaction_no;
    std::string amount;  ///< đồng × 100.
    std::string response_code;
    std::string pay_date;
};
struct VnpayReport {
    std::string tmn_code;
    std::string date;           ///< yyyyMMdd, GMT+7.
    std::string response_code;  ///< 00, or 02 bad TmnCode, 03 bad date, 97 bad signature.
    std::vector<VnpayReportItem> transactions;
    bool signature_ok = false;  ///< Set by ReadVnpayReport.
};
/// {"tmn_code","date","secure_hash"}: HMAC-SHA512 of `tmn_code|date`.
std::string VnpayReportRequestBody(const VnpayMerchant& merchant, std::string_view date);
/// tmn_code|date|response_code|items, each item its five fields form-encoded, joined by `,`,
/// items joined by `;` (encoding keeps the separators out of the fields).
std::string VnpayReportData(const VnpayReport& report);
/// The gateway's side: {"tmn_code","date","response_code","transactions":[{txn_ref,
/// transaction_no, amount, response_code, pay_date}],"secure_hash"}.
std::string VnpayReportJson(const VnpayReport& report, std::string_view secret);
/// The merchant's side; nullopt when the shape is wrong.
std::optional<VnpayReport> ReadVnpayReport(std::string_view body, const VnpayMerchant& merchant);

}  // namespace motcua::connectors
