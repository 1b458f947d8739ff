// Boost.JSON keeps an object's members in insertion order, so that every body lists its signed
// fields in hash order, then MaXacThuc. Amounts travel as canonical decimal strings: the hash is
// computed over the text, and ParsePlatformAmount refuses any other spelling of a number, so
// that std::to_string of a parsed amount is the text that was signed.
#include "connectors/payment_platform/payment_platform_protocol.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include <boost/json.hpp>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace motcua::connectors {
namespace {

namespace json = boost::json;

constexpr std::size_t kHexDigestSize = 64;
constexpr std::size_t kLongestReference = 50;
constexpr std::int64_t kLargestAmount = 1'000'000'000'000'000;
constexpr std::size_t kLongestKeptText = 256;
constexpr auto kGmtPlus7 = std::chrono::hours(7);

json::value Parse(std::string_view body) {
    boost::system::error_code error;
    auto parsed = json::parse(body, error);
    return error ? json::value() : parsed;
}

std::string StringField(const json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

// Text from the other side for a one-line error: control characters blanked, at most 256 bytes
// cut on a UTF-8 character boundary.
std::string Kept(std::string_view text) {
    std::size_t size = std::min(text.size(), kLongestKeptText);
    while (size < text.size() && size > 0 &&
           (static_cast<unsigned char>(text[size]) & 0xC0U) == 0x80U) {
        --size;
    }
    std::string kept(text.substr(0, size));
    for (char& c : kept) {
        if (static_cast<unsigned char>(c) < 0x20U || c == 0x7F) {
            c = ' ';
        }
    }
    return kept;
}

// The message of an answer {"error_code": "0", "message": "…"}; why not otherwise.
PlatformRead<std::string> ReadEnvelope(int status, std::string_view body) {
    const json::value parsed = Parse(body);
    const json::object* object = parsed.if_object();
    const std::string http = "HTTP " + std::to_string(status);
    if (object == nullptr || object->if_contains("error_code") == nullptr ||
        !object->at("error_code").is_string()) {
        return {.error = "malformed answer (" + http + ")"};
    }
    const std::string code = StringField(*object, "error_code");
    const std::string message = StringField(*object, "message");
    if (code != "0") {
        return {.error = "error_code " + Kept(code) +
                         (message.empty() ? "" : ": " + Kept(message)) +
                         (status == 200 ? "" : " (" + http + ")")};
    }
    if (status != 200) {
        return {.error = "malformed answer (" + http + ")"};
    }
    return {.value = message};
}

std::string Serialize(const json::object& object) { return json::serialize(object); }

json::object LookupMessage(std::string_view type, const PlatformMerchant& merchant,
                           std::string_view reference, std::string_view time_gd) {
    json::object message{{"LoaiBanTin", type},
                         {"PhienBan", kPlatformVersion},
                         {"MaDoiTac", merchant.partner_code},
                         {"MaThamChieu", reference},
                         {"ThoiGianGD", time_gd}};
    SignPlatformMessage(message, kPlatformLookupFields, merchant.secret);
    return message;
}

std::vector<std::string> ConfirmValues(const PlatformConfirm& confirm) {
    return {confirm.message_type,
            confirm.result,
            confirm.partner_code,
            confirm.reference,
            std::to_string(confirm.amount_vnd),
            confirm.currency,
            confirm.transaction_id,
            confirm.bank_code,
            confirm.time_gd,
            confirm.info};
}

json::object ReceiptJson(const PlatformReceipt& receipt) {
    json::array fees;
    for (const PlatformFeeItem& fee : receipt.fees) {
        fees.emplace_back(json::object{{"LoaiPhiLePhi", fee.kind},
                                       {"MaPhiLePhi", fee.code},
                                       {"TenPhiLePhi", fee.name},
                                       {"SoTien", std::to_string(fee.amount_vnd)}});
    }
    json::array lines;
    for (const PlatformPaymentLine& line : receipt.lines) {
        lines.emplace_back(
            json::object{{"NoiDung", line.content}, {"SoTien", std::to_string(line.amount_vnd)}});
    }
    return {{"MaDichVu", "2"},
            {"MaDVC", receipt.service_code},
            {"TenDVC", receipt.service_name},
            {"MaTTHC", receipt.procedure_code},
            {"TenTTHC", receipt.procedure_name},
            {"MaDonVi", receipt.agency_code},
            {"TenDonVi", receipt.agency_name},
            {"MaHoSo", receipt.dossier_code},
            {"TKThuHuong", receipt.beneficiary_account},
            {"MaNHThuHuong", receipt.beneficiary_bank},
            {"TenTKThuHuong", receipt.beneficiary_account_name},
            {"HoTenNguoiNop", receipt.payer_name},
            {"SoCMNDNguoiNop", receipt.payer_id_number},
            {"DiaChiNguoiNop", receipt.payer_address},
            {"NoiDungThanhToan", receipt.payment_content},
            {"PhiLePhi", std::move(fees)},
            {"DSKhoanNop", std::move(lines)}};
}

std::string FormatGmtPlus7(std::chrono::system_clock::time_point at, bool with_clock) {
    using namespace std::chrono;
    const auto local = floor<seconds>(at) + kGmtPlus7;
    const auto day = floor<days>(local);
    const year_month_day date{day};
    const hh_mm_ss clock{local - day};
    std::array<char, 32> text{};
    const int year = static_cast<int>(date.year());
    const unsigned month = static_cast<unsigned>(date.month());
    const unsigned mday = static_cast<unsigned>(date.day());
    if (with_clock) {
        std::snprintf(text.data(), text.size(), "%04d%02u%02u%02d%02d%02d", year, month, mday,
                      static_cast<int>(clock.hours().count()),
                      static_cast<int>(clock.minutes().count()),
                      static_cast<int>(clock.seconds().count()));
    } else {
        std::snprintf(text.data(), text.size(), "%04d%02u%02u", year, month, mday);
    }
    return text.data();
}

bool AllDigits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int Number(std::string_view digits) {
    int value = 0;
    for (const char c : digits) {
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::string PlatformHash(std::span<const std::string> values, std::string_view secret) {
    std::string text;
    for (const std::string& value : values) {
        text += value;
        text += '|';
    }
    text += secret;
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr);
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string hex;
    hex.reserve(std::size_t{size} * 2);
    for (unsigned int i = 0; i < size; ++i) {
        hex += kHex[digest[i] >> 4U];
        hex += kHex[digest[i] & 0x0FU];
    }
    return hex;
}

// The length of a hash is no secret; its digits are compared in constant time.
bool PlatformSignatureMatches(std::span<const std::string> values, std::string_view secret,
                              std::string_view signature) {
    if (signature.size() != kHexDigestSize) {
        return false;
    }
    std::string given(signature);
    for (char& c : given) {
        c = c >= 'A' && c <= 'F' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const std::string expected = PlatformHash(values, secret);
    return CRYPTO_memcmp(expected.data(), given.data(), kHexDigestSize) == 0;
}

PlatformRead<std::vector<std::string>> ReadPlatformFields(const json::object& message,
                                                          std::span<const std::string_view> names) {
    std::vector<std::string> values;
    values.reserve(names.size());
    for (const std::string_view name : names) {
        const json::value* value = message.if_contains(name);
        if (value == nullptr || !value->is_string()) {
            return {.error = std::string(name) + ": missing or not a string"};
        }
        values.emplace_back(value->get_string());
    }
    return {.value = std::move(values)};
}

void SignPlatformMessage(json::object& message, std::span<const std::string_view> names,
                         std::string_view secret) {
    std::vector<std::string> values;
    for (const std::string_view name : names) {
        values.push_back(StringField(message, name));
    }
    message[kPlatformSignatureField] = PlatformHash(values, secret);
}

bool VerifyPlatformMessage(const json::object& message, std::span<const std::string_view> names,
                           std::string_view secret) {
    const auto values = ReadPlatformFields(message, names);
    const json::value* signature = message.if_contains(kPlatformSignatureField);
    return values.value && signature != nullptr && signature->is_string() &&
           PlatformSignatureMatches(*values.value, secret, signature->get_string());
}

std::string PlatformTime(std::chrono::system_clock::time_point at) {
    return FormatGmtPlus7(at, true);
}

std::string PlatformDay(std::chrono::system_clock::time_point at) {
    return FormatGmtPlus7(at, false);
}

bool IsPlatformTime(std::string_view text) {
    if (text.size() != 14 || !AllDigits(text)) {
        return false;
    }
    const int month = Number(text.substr(4, 2));
    const int day = Number(text.substr(6, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && Number(text.substr(8, 2)) <= 23 &&
           Number(text.substr(10, 2)) <= 59 && Number(text.substr(12, 2)) <= 59;
}

bool IsPlatformReference(std::string_view text) {
    return !text.empty() && text.size() <= kLongestReference &&
           std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
           });
}

std::optional<std::int64_t> ParsePlatformAmount(std::string_view text) {
    if (text.empty() || text.size() > 16 || text.front() == '0' || !AllDigits(text)) {
        return std::nullopt;
    }
    std::int64_t amount = 0;
    for (const char c : text) {
        amount = amount * 10 + (c - '0');
    }
    return amount <= kLargestAmount ? std::optional(amount) : std::nullopt;
}

std::string PlatformInitBody(const PlatformMerchant& merchant, const PlatformInit& init) {
    json::object message{{"LoaiBanTin", "INIT"},
                         {"PhienBan", kPlatformVersion},
                         {"MaDoiTac", merchant.partner_code},
                         {"MaThamChieu", init.reference},
                         {"SoTien", std::to_string(init.amount_vnd)},
                         {"LoaiHinhThanhToan", "PAY"},
                         {"MaKenhThanhToan", "1"},
                         {"MaThietBi", "1"},
                         {"NgonNgu", "vi-VN"},
                         {"MaTienTe", "VND"},
                         {"MaNganHang", "PAYMENT"},
                         {"ThongTinGiaoDich", init.info},
                         {"ThoiGianGD", init.time_gd},
                         {"Ip", init.ip}};
    SignPlatformMessage(message, kPlatformInitFields, merchant.secret);
    if (!init.return_url.empty()) {
        message["UrlTraVe"] = init.return_url;
    }
    message["ThongTinBienLai"] = ReceiptJson(init.receipt);
    return Serialize(message);
}

PlatformRead<std::string> ReadPlatformInitAnswer(int status, std::string_view body) {
    auto envelope = ReadEnvelope(status, body);
    if (!envelope.value) {
        return envelope;
    }
    const json::value inner = Parse(*envelope.value);
    const json::object* object = inner.if_object();
    const std::string url = object == nullptr ? "" : StringField(*object, "UrlThanhToan");
    if (!url.starts_with("https://") && !url.starts_with("http://")) {
        return {.error = "malformed answer: message holds no UrlThanhToan"};
    }
    return {.value = url};
}

PlatformRead<PlatformConfirm> ParsePlatformConfirm(std::string_view body) {
    const json::value parsed = Parse(body);
    if (!parsed.is_object()) {
        return {.error = "body: not a JSON object"};
    }
    return ReadPlatformConfirm(parsed.get_object());
}

PlatformRead<PlatformConfirm> ReadPlatformConfirm(const json::object& message) {
    auto fields = ReadPlatformFields(message, kPlatformConfirmFields);
    if (!fields.value) {
        return {.error = std::move(fields.error)};
    }
    const std::vector<std::string>& v = *fields.value;
    const json::value* signature = message.if_contains(kPlatformSignatureField);
    if (signature == nullptr || !signature->is_string()) {
        return {.error = "MaXacThuc: missing or not a string"};
    }
    const auto amount = ParsePlatformAmount(v[4]);
    if (!amount) {
        return {.error = "SoTien: not a whole amount of đồng"};
    }
    if (v[1].empty()) {
        return {.error = "MaLoi: empty"};
    }
    if (!IsPlatformReference(v[3])) {
        return {.error = "MaThamChieu: not 1-50 letters and digits"};
    }
    if (!IsPlatformTime(v[8])) {
        return {.error = "ThoiGianGD: not yyyyMMddHHmmss"};
    }
    return {.value = PlatformConfirm{.message_type = v[0],
                                     .result = v[1],
                                     .partner_code = v[2],
                                     .reference = v[3],
                                     .amount_vnd = *amount,
                                     .currency = v[5],
                                     .transaction_id = v[6],
                                     .bank_code = v[7],
                                     .time_gd = v[8],
                                     .info = v[9],
                                     .signature = std::string(signature->get_string())}};
}

bool VerifyPlatformConfirm(const PlatformConfirm& confirm, std::string_view secret) {
    return PlatformSignatureMatches(ConfirmValues(confirm), secret, confirm.signature);
}

json::object SignedPlatformConfirm(const PlatformConfirm& confirm, std::string_view secret) {
    const std::vector<std::string> values = ConfirmValues(confirm);
    json::object message;
    for (std::size_t i = 0; i < values.size(); ++i) {
        message[kPlatformConfirmFields[i]] = values[i];
    }
    message[kPlatformSignatureField] = PlatformHash(values, secret);
    return message;
}

std::string_view PlatformConfirmCodeText(PlatformConfirmCode code) {
    switch (code) {
        case PlatformConfirmCode::kAccepted:
            return "0";
        case PlatformConfirmCode::kBadSignature:
            return "1";
        case PlatformConfirmCode::kUnknownReference:
            return "2";
        case PlatformConfirmCode::kAmountMismatch:
            return "3";
        case PlatformConfirmCode::kMalformed:
            return "4";
        case PlatformConfirmCode::kRetryLater:
            return "99";
    }
    return "99";
}

std::string PlatformConfirmReply(PlatformConfirmCode code) {
    std::string_view message;
    switch (code) {
        case PlatformConfirmCode::kAccepted:
            message = "Đã ghi nhận (recorded)";
            break;
        case PlatformConfirmCode::kBadSignature:
            message = "Sai mã xác thực (MaXacThuc does not match)";
            break;
        case PlatformConfirmCode::kUnknownReference:
            message = "Không có mã tham chiếu này (unknown MaThamChieu)";
            break;
        case PlatformConfirmCode::kAmountMismatch:
            message = "Số tiền không khớp (SoTien is not the order's amount)";
            break;
        case PlatformConfirmCode::kMalformed:
            message = "Bản tin không hợp lệ (malformed confirm)";
            break;
        case PlatformConfirmCode::kRetryLater:
            message = "Lỗi tạm thời, xin gửi lại (temporary failure, send it again)";
            break;
    }
    return Serialize({{"error_code", PlatformConfirmCodeText(code)}, {"message", message}});
}

// The signature first: nothing else in an unsigned message is worth an answer of its own.
PlatformConfirmCode CheckPlatformConfirm(const PlatformConfirm& confirm,
                                         const PlatformMerchant& merchant,
                                         std::optional<std::int64_t> order_amount_vnd) {
    if (!VerifyPlatformConfirm(confirm, merchant.secret)) {
        return PlatformConfirmCode::kBadSignature;
    }
    if (confirm.partner_code != merchant.partner_code || confirm.currency != "VND") {
        return PlatformConfirmCode::kMalformed;
    }
    if (!order_amount_vnd) {
        return PlatformConfirmCode::kUnknownReference;
    }
    if (*order_amount_vnd != confirm.amount_vnd) {
        return PlatformConfirmCode::kAmountMismatch;
    }
    return PlatformConfirmCode::kAccepted;
}

std::string ReadPlatformConfirmReply(int status, std::string_view body) {
    const json::value parsed = Parse(body);
    const json::object* object = parsed.if_object();
    return status == 200 && object != nullptr ? StringField(*object, "error_code") : "";
}

std::string PlatformQueryBody(const PlatformMerchant& merchant, std::string_view reference,
                              std::string_view time_gd) {
    return Serialize(LookupMessage("QUERY", merchant, reference, time_gd));
}

std::string PlatformReceiptBody(const PlatformMerchant& merchant, std::string_view reference,
                                std::string_view time_gd) {
    return Serialize(LookupMessage("RECEIPT", merchant, reference, time_gd));
}

PlatformRead<PlatformConfirm> ReadPlatformQueryAnswer(int status, std::string_view body,
                                                      const PlatformMerchant& merchant,
                                                      std::string_view reference) {
    const auto envelope = ReadEnvelope(status, body);
    if (!envelope.value) {
        return {.error = envelope.error};
    }
    const json::value inner = Parse(*envelope.value);
    if (!inner.is_object()) {
        return {.error = "malformed answer: message is not a JSON object"};
    }
    auto confirm = ReadPlatformConfirm(inner.get_object());
    if (!confirm.value) {
        return {.error = "malformed answer: " + confirm.error};
    }
    if (!VerifyPlatformConfirm(*confirm.value, merchant.secret)) {
        return {.error = "MaXacThuc of the answer does not match"};
    }
    if (confirm.value->partner_code != merchant.partner_code ||
        confirm.value->reference != reference) {
        return {.error = "the answer is about another MaDoiTac or MaThamChieu"};
    }
    return confirm;
}

PlatformRead<std::string> ReadPlatformReceiptAnswer(int status, std::string_view content_type,
                                                    std::string_view body) {
    if (status == 200 && content_type.starts_with("application/pdf") && body.starts_with("%PDF-")) {
        return {.value = std::string(body)};
    }
    if (auto envelope = ReadEnvelope(status, body); !envelope) {
        return envelope;
    }
    return {.error = "not a PDF (HTTP " + std::to_string(status) + ", " + Kept(content_type) + ")"};
}

std::string PlatformReportBody(const PlatformMerchant& merchant, std::string_view day) {
    json::object message{{"MaDoiTac", merchant.partner_code}, {"Ngay", day}};
    SignPlatformMessage(message, kPlatformReportFields, merchant.secret);
    return Serialize(message);
}

PlatformRead<std::vector<PlatformReportEntry>> ReadPlatformReport(int status,
                                                                  std::string_view body) {
    const auto envelope = ReadEnvelope(status, body);
    if (!envelope.value) {
        return {.error = envelope.error};
    }
    const json::value inner = Parse(*envelope.value);
    const json::value* list =
        inner.is_object() ? inner.get_object().if_contains("DanhSach") : nullptr;
    if (list == nullptr || !list->is_array()) {
        return {.error = "malformed answer: message holds no DanhSach"};
    }
    static constexpr std::array<std::string_view, 5> kNames = {"MaThamChieu", "MaGiaoDich",
                                                               "SoTien", "MaLoi", "ThoiGianGD"};
    std::vector<PlatformReportEntry> entries;
    for (const json::value& item : list->get_array()) {
        const auto fields = item.is_object()
                                ? ReadPlatformFields(item.get_object(), kNames)
                                : PlatformRead<std::vector<std::string>>{.error = "not an object"};
        const auto amount = fields.value ? ParsePlatformAmount((*fields.value)[2]) : std::nullopt;
        if (!fields.value || !amount) {
            return {.error = "malformed answer: DanhSach[" + std::to_string(entries.size()) +
                             "]: " +
                             (fields.value ? "SoTien: not a whole amount of đồng" : fields.error)};
        }
        const std::vector<std::string>& v = *fields.value;
        entries.push_back({.reference = v[0],
                           .transaction_id = v[1],
                           .amount_vnd = *amount,
                           .result = v[3],
                           .time_gd = v[4]});
    }
    return {.value = std::move(entries)};
}

}  // namespace motcua::connectors
