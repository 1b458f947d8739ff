// VNPay's payment gateway protocol (pay URL 2.1.0, return URL and IPN) as pure functions: the
// parameters MotCua signs and sends the citizen's browser with, and the checks of what VNPay sends
// back. The reference for every detail is the `vnpay` npm package 2.5.0 (tests/api/ checks
// against it): parameters sorted by key, empty ones left out, each form-urlencoded as WHATWG
// URLSearchParams does (space `+`, only `A-Za-z0-9*-._` kept), joined with `&`; the signature is
// the lower-case hex HMAC-SHA512 of that text, `vnp_SecureHash`, appended last. No network, no
// clock: times are passed in. The simulator (tests/simulators/vnpay/) compiles this file too, so
// it includes only the standard library, OpenSSL and Boost.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace motcua::connectors {

/// Query or form parameters in their order, decoded.
using VnpayParams = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::string_view kVnpayVersion = "2.1.0";
inline constexpr std::string_view kVnpayPayPath = "/paymentv2/vpcpay.html";
inline constexpr std::string_view kVnpayApiPath = "/merchant_webapi/api/transaction";
inline constexpr std::string_view kVnpaySecureHash = "vnp_SecureHash";
inline constexpr std::string_view kVnpaySecureHashType = "vnp_SecureHashType";

/// The merchant's account at VNPay and where the gateway is.
struct VnpayMerchant {
    std::string tmn_code;      ///< vnp_TmnCode, the terminal (merchant) code.
    std::string hash_secret;   ///< The HMAC key VNPay issued.
    std::string pay_base_url;  ///< E.g. https://sandbox.vnpayment.vn (kVnpayPayPath is appended).
    std::string api_url;  ///< The querydr host (kVnpayApiPath is appended); empty: pay_base_url.
};

/// One payment to send the citizen to VNPay for.
struct VnpayPayRequest {
    std::string txn_ref;          ///< vnp_TxnRef: MotCua's payment order id, unique per merchant.
    std::int64_t amount_vnd = 0;  ///< In đồng; sent ×100.
    std::string order_info;       ///< Free text (Vietnamese allowed).
    std::string order_type = "other";
    std::string locale = "vn";  ///< vn | en.
    std::string return_url;
    std::string ip_addr;      ///< The citizen's address.
    std::string create_date;  ///< yyyyMMddHHmmss, GMT+7 (VnpayDate).
    std::string expire_date;  ///< The same; empty: none sent.
    std::string bank_code;    ///< Empty: the citizen chooses at VNPay.
};

/// `utc` as VNPay writes times: yyyyMMddHHmmss in GMT+7.
std::string VnpayDate(std::chrono::sys_seconds utc);
/// Whether `text` is a date of that shape (the npm package's check: month 01–12, day 01–31,
/// hour 00–23, minutes and seconds 00–59).
bool IsVnpayDate(std::string_view text);

/// `text` as application/x-www-form-urlencoded (URLSearchParams): `A-Za-z0-9*-._` kept, space
/// `+`, every other byte %XX in upper case (so `(`, `)`, `~`, `'` are encoded, `*` is not).
std::string VnpayFormEncode(std::string_view text);
/// A query string or form body: `&`-separated `k=v`, `+` a space, %XX a byte; nullopt when a `%`
/// is not followed by two hex digits. Empty pieces are skipped; keys may repeat.
std::optional<VnpayParams> ParseVnpayQuery(std::string_view query);

/// The text VNPay signs: the parameters with a value, sorted by key, encoded, `k=v` joined by `&`.
std::string VnpaySignData(const VnpayParams& params);
/// The lower-case hex HMAC-SHA512 of `data` under `secret`.
std::string VnpaySign(std::string_view secret, std::string_view data);
/// Whether `received` is VnpaySign(secret, data): lower-case hex only, as the npm package
/// compares (`===`) and VNPay sends; compared in constant time.
bool VnpaySignatureMatches(std::string_view secret, std::string_view data,
                           std::string_view received);
/// VnpaySignData(params) and `&vnp_SecureHash=<VnpaySign>` after it: a signed query string, as
/// the pay URL carries it and as VNPay sends the return URL and the IPN.
std::string VnpaySignedQuery(const VnpayParams& params, std::string_view secret);

/// The pay URL: pay_base_url + kVnpayPayPath + "?" + the signed parameters (vnp_Version,
/// vnp_Command=pay, vnp_TmnCode, vnp_Amount, vnp_CurrCode=VND and the request's).
std::string BuildVnpayPayUrl(const VnpayMerchant& merchant, const VnpayPayRequest& request);

/// What a signed return URL or IPN says. Only `vnp_` parameters are signed (as VNPay's own
/// samples read them); a merchant's own parameters on the return URL are ignored.
struct VnpayCallback {
    /// vnp_SecureHash present, lower-case hex, equal (in constant time) to the signature of the
    /// other vnp_ parameters, and no vnp_ key given twice. Nothing else is to be trusted without
    /// it.
    bool signature_ok = false;
    std::string tmn_code;
    std::string txn_ref;
    std::optional<std::int64_t> amount_vnd;  ///< vnp_Amount ÷ 100; nullopt unless plain digits
                                             ///< (no leading 0), a multiple of 100, in range.
    std::string response_code;               ///< vnp_ResponseCode (VnpayResponseMeaning).
    std::string transaction_status;          ///< vnp_TransactionStatus.
    std::string transaction_no;              ///< VNPay's id of the transaction.
    std::string bank_code;
    std::string bank_tran_no;
    std::string card_type;
    std::string pay_date;  ///< yyyyMMddHHmmss GMT+7, as sent.
    std::string order_info;

    /// Paid: signed, 00 and 00.
    bool Paid() const {
        return signature_ok && response_code == "00" && transaction_status == "00";
    }
};
/// Checks and reads the parameters of a return URL or an IPN call.
VnpayCallback VnpayVerify(const VnpayParams& params, std::string_view secret);

/// vnp_Amount (đồng × 100) as đồng; nullopt unless digits without a leading 0 (but "0"), a
/// multiple of 100 and within int64.
std::optional<std::int64_t> VnpayAmountVnd(std::string_view hundredths);

/// A vnp_ResponseCode of the pay flow in words, Vietnamese then English, for logs and pages.
std::string_view VnpayResponseMeaning(std::string_view response_code);

/// The merchant's answers to an IPN call (the npm package's Ipn* constants).
enum class VnpayIpnReply {
    kConfirmSuccess,    ///< 00: recorded now.
    kOrderNotFound,     ///< 01.
    kAlreadyConfirmed,  ///< 02: recorded before (a repeated IPN).
    kIpProhibited,      ///< 03.
    kInvalidAmount,     ///< 04.
    kFailChecksum,      ///< 97: the signature did not verify.
    kUnknownError,      ///< 99.
};
/// {"RspCode":"00","Message":"Confirm Success"} and so on, exactly as VNPay expects them.
std::string VnpayIpnReplyJson(VnpayIpnReply reply);
/// The RspCode of an answer ("00", …).
std::string_view VnpayIpnReplyCode(VnpayIpnReply reply);

}  // namespace motcua::connectors
