// The encoder is the WHATWG urlencoded serializer byte for byte (not RFC 3986 and not
// encodeURIComponent, which keep `~'()!`): the signed text must be the one the npm package and
// VNPay compute, or every signature differs once the order information has such a character.
#include "connectors/vnpay/vnpay_protocol.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <set>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace motcua::connectors {
namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";
constexpr std::string_view kUpperHexDigits = "0123456789ABCDEF";
constexpr std::size_t kSignatureHexSize = 128;  // SHA-512: 64 bytes.

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool KeptAsIs(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || IsDigit(static_cast<char>(c)) ||
           c == '*' || c == '-' || c == '.' || c == '_';
}

int HexValue(char c) {
    if (IsDigit(c)) {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

std::optional<std::string> FormDecode(std::string_view text) {
    std::string decoded;
    decoded.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            decoded += ' ';
        } else if (c != '%') {
            decoded += c;
        } else {
            const int high = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
            const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
            if (high < 0 || low < 0) {
                return std::nullopt;
            }
            decoded += static_cast<char>(high * 16 + low);
            i += 2;
        }
    }
    return decoded;
}

// Two digits of a date at `at`, within [low, high].
bool InRange(std::string_view text, std::size_t at, int low, int high) {
    const int value = (text[at] - '0') * 10 + (text[at + 1] - '0');
    return value >= low && value <= high;
}

std::string TrimmedBase(std::string_view base) {
    while (!base.empty() && base.back() == '/') {
        base.remove_suffix(1);
    }
    return std::string(base);
}

}  // namespace

std::string VnpayDate(std::chrono::sys_seconds utc) {
    const auto local = utc + std::chrono::hours(7);  // GMT+7, no daylight saving.
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::year_month_day date(day);
    const std::chrono::hh_mm_ss time(local - day);
    std::string text;
    const auto append = [&text](long value, int digits) {
        std::string number = std::to_string(value);
        text.append(number.size() < static_cast<std::size_t>(digits)
                        ? static_cast<std::size_t>(digits) - number.size()
                        : 0,
                    '0');
        text += number;
    };
    append(int(date.year()), 4);
    append(unsigned(date.month()), 2);
    append(unsigned(date.day()), 2);
    append(time.hours().count(), 2);
    append(time.minutes().count(), 2);
    append(time.seconds().count(), 2);
    return text;
}

bool IsVnpayDate(std::string_view text) {
    return text.size() == 14 && std::ranges::all_of(text, IsDigit) && InRange(text, 4, 1, 12) &&
           InRange(text, 6, 1, 31) && InRange(text, 8, 0, 23) && InRange(text, 10, 0, 59) &&
           InRange(text, 12, 0, 59);
}

std::string VnpayFormEncode(std::string_view text) {
    std::string encoded;
    encoded.reserve(text.size() * 3);
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (KeptAsIs(byte)) {
            encoded += c;
        } else if (c == ' ') {
            encoded += '+';
        } else {
            encoded += '%';
            encoded += kUpperHexDigits[byte >> 4];
            encoded += kUpperHexDigits[byte & 0x0f];
        }
    }
    return encoded;
}

std::optional<VnpayParams> ParseVnpayQuery(std::string_view query) {
    VnpayParams params;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view piece = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (piece.empty()) {
            continue;
        }
        const auto equals = piece.find('=');
        auto key = FormDecode(piece.substr(0, equals));
        auto value = FormDecode(equals == std::string_view::npos ? std::string_view()
                                                                 : piece.substr(equals + 1));
        if (!key || !value) {
            return std::nullopt;
        }
        params.emplace_back(std::move(*key), std::move(*value));
    }
    return params;
}

std::string VnpaySignData(const VnpayParams& params) {
    std::vector<const std::pair<std::string, std::string>*> kept;
    for (const auto& param : params) {
        if (!param.second.empty()) {
            kept.push_back(&param);
        }
    }
    // Keys are ASCII, so byte order is the npm package's UTF-16 order.
    std::ranges::stable_sort(kept, {}, [](const auto* param) { return param->first; });
    std::string data;
    for (const auto* param : kept) {
        if (!data.empty()) {
            data += '&';
        }
        data += VnpayFormEncode(param->first);
        data += '=';
        data += VnpayFormEncode(param->second);
    }
    return data;
}

std::string VnpaySign(std::string_view secret, std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int size = 0;
    HMAC(EVP_sha512(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac.data(), &size);
    std::string hex;
    hex.reserve(std::size_t{size} * 2);
    for (unsigned int i = 0; i < size; ++i) {
        hex += kHexDigits[mac[i] >> 4];
        hex += kHexDigits[mac[i] & 0x0f];
    }
    return hex;
}

bool VnpaySignatureMatches(std::string_view secret, std::string_view data,
                           std::string_view received) {
    if (received.size() != kSignatureHexSize) {
        return false;
    }
    const std::string expected = VnpaySign(secret, data);
    return CRYPTO_memcmp(expected.data(), received.data(), kSignatureHexSize) == 0;
}

std::string VnpaySignedQuery(const VnpayParams& params, std::string_view secret) {
    std::string data = VnpaySignData(params);
    const std::string signature = VnpaySign(secret, data);
    data += data.empty() ? "" : "&";
    data += kVnpaySecureHash;
    data += '=';
    data += signature;
    return data;
}

std::string BuildVnpayPayUrl(const VnpayMerchant& merchant, const VnpayPayRequest& request) {
    const VnpayParams params = {
        {"vnp_Version", std::string(kVnpayVersion)},
        {"vnp_Command", "pay"},
        {"vnp_TmnCode", merchant.tmn_code},
        {"vnp_Amount", std::to_string(request.amount_vnd * 100)},
        {"vnp_CurrCode", "VND"},
        {"vnp_TxnRef", request.txn_ref},
        {"vnp_OrderInfo", request.order_info},
        {"vnp_OrderType", request.order_type},
        {"vnp_Locale", request.locale},
        {"vnp_ReturnUrl", request.return_url},
        {"vnp_IpAddr", request.ip_addr},
        {"vnp_CreateDate", request.create_date},
        {"vnp_ExpireDate", request.expire_date},
        {"vnp_BankCode", request.bank_code},
    };
    return TrimmedBase(merchant.pay_base_url) + std::string(kVnpayPayPath) + "?" +
           VnpaySignedQuery(params, merchant.hash_secret);
}

std::optional<std::int64_t> VnpayAmountVnd(std::string_view hundredths) {
    if (hundredths.empty() || !std::ranges::all_of(hundredths, IsDigit) ||
        (hundredths.size() > 1 && hundredths.front() == '0')) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    for (const char c : hundredths) {
        if (value > (std::numeric_limits<std::int64_t>::max() - (c - '0')) / 10) {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    if (value % 100 != 0) {
        return std::nullopt;
    }
    return value / 100;
}

VnpayCallback VnpayVerify(const VnpayParams& params, std::string_view secret) {
    VnpayCallback callback;
    VnpayParams signed_params;
    std::set<std::string_view> seen;
    std::optional<std::string_view> received;
    bool repeated = false;
    for (const auto& [key, value] : params) {
        if (!key.starts_with("vnp_")) {
            continue;
        }
        repeated = repeated || !seen.insert(key).second;
        if (key == kVnpaySecureHash) {
            received = value;
        } else if (key != kVnpaySecureHashType) {
            signed_params.emplace_back(key, value);
        }
    }
    for (const auto& [key, value] : signed_params) {
        std::string* field = key == "vnp_TmnCode"             ? &callback.tmn_code
                             : key == "vnp_TxnRef"            ? &callback.txn_ref
                             : key == "vnp_ResponseCode"      ? &callback.response_code
                             : key == "vnp_TransactionStatus" ? &callback.transaction_status
                             : key == "vnp_TransactionNo"     ? &callback.transaction_no
                             : key == "vnp_BankCode"          ? &callback.bank_code
                             : key == "vnp_BankTranNo"        ? &callback.bank_tran_no
                             : key == "vnp_CardType"          ? &callback.card_type
                             : key == "vnp_PayDate"           ? &callback.pay_date
                             : key == "vnp_OrderInfo"         ? &callback.order_info
                                                              : nullptr;
        if (field != nullptr) {
            *field = value;
        } else if (key == "vnp_Amount") {
            callback.amount_vnd = VnpayAmountVnd(value);
        }
    }
    callback.signature_ok = !repeated && received &&
                            VnpaySignatureMatches(secret, VnpaySignData(signed_params), *received);
    return callback;
}

std::string_view VnpayResponseMeaning(std::string_view response_code) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kMeanings = {{
        {"00", "Giao dịch thành công (approved)"},
        {"07", "Trừ tiền thành công, giao dịch bị nghi ngờ (debited, suspicious)"},
        {"09", "Thẻ/tài khoản chưa đăng ký InternetBanking (no internet banking)"},
        {"10", "Xác thực thông tin thẻ sai quá 3 lần (card details wrong over 3 times)"},
        {"11", "Hết hạn chờ thanh toán (payment timed out)"},
        {"24", "Khách hàng hủy giao dịch (cancelled by the customer)"},
        {"51", "Tài khoản không đủ số dư (insufficient balance)"},
        {"65", "Vượt hạn mức giao dịch trong ngày (daily limit exceeded)"},
        {"75", "Ngân hàng đang bảo trì (bank under maintenance)"},
        {"79", "Nhập sai mật khẩu thanh toán quá số lần (wrong password too many times)"},
        {"99", "Lỗi khác (other error)"},
    }};
    for (const auto& [code, meaning] : kMeanings) {
        if (code == response_code) {
            return meaning;
        }
    }
    return "Giao dịch thất bại (failure)";
}

std::string_view VnpayIpnReplyCode(VnpayIpnReply reply) {
    switch (reply) {
        case VnpayIpnReply::kConfirmSuccess:
            return "00";
        case VnpayIpnReply::kOrderNotFound:
            return "01";
        case VnpayIpnReply::kAlreadyConfirmed:
            return "02";
        case VnpayIpnReply::kIpProhibited:
            return "03";
        case VnpayIpnReply::kInvalidAmount:
            return "04";
        case VnpayIpnReply::kFailChecksum:
            return "97";
        case VnpayIpnReply::kUnknownError:
            return "99";
    }
    return "99";
}

std::string VnpayIpnReplyJson(VnpayIpnReply reply) {
    std::string_view message = "Unknown error";
    switch (reply) {
        case VnpayIpnReply::kConfirmSuccess:
            message = "Confirm Success";
            break;
        case VnpayIpnReply::kOrderNotFound:
            message = "Order not found";
            break;
        case VnpayIpnReply::kAlreadyConfirmed:
            message = "Order already confirmed";
            break;
        case VnpayIpnReply::kIpProhibited:
            message = "IP prohibited";
            break;
        case VnpayIpnReply::kInvalidAmount:
            message = "Invalid amount";
            break;
        case VnpayIpnReply::kFailChecksum:
            message = "Fail checksum";
            break;
        case VnpayIpnReply::kUnknownError:
            message = "Unknown error";
            break;
    }
    return std::string(R"({"RspCode":")") + std::string(VnpayIpnReplyCode(reply)) +
           R"(","Message":")" + std::string(message) + "\"}";
}

}  // namespace motcua::connectors
