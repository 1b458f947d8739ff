// The national payment platform (Nền tảng thanh toán trực tuyến of the national public-service
// portal, docs/payment_platform.md) as MotCua speaks it: signed JSON messages (INIT, the confirm
// callback, QUERY, the receipt and the simulator's reconciliation report) and their answers.
// Every signed message carries MaXacThuc = hex(SHA-256(v1|v2|…|vn|secret)) over its fields' values
// in a fixed order. The official specification was not found: the fields follow one province's
// production implementation; the paths, the confirm reply and the QUERY answer's shape are
// MotCua's assumptions. Pure functions (no network, no clock: times are passed in) that the
// payment platform simulator compiles too, hence no services/ or storage/ includes.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

namespace motcua::connectors {

/// The routes under the merchant's base URL (assumed: official specification not found).
inline constexpr std::string_view kPlatformInitPath = "/api/thanhtoan/init";
inline constexpr std::string_view kPlatformQueryPath = "/api/thanhtoan/query";
inline constexpr std::string_view kPlatformReceiptPath = "/api/thanhtoan/bienlai";
inline constexpr std::string_view kPlatformReportPath = "/api/thanhtoan/report";  ///< Simulator's.

inline constexpr std::string_view kPlatformVersion = "1.0.6";
inline constexpr std::string_view kPlatformSignatureField = "MaXacThuc";

/// MaLoi of a confirm or a QUERY answer: "00" alone means paid; the others are assumed.
inline constexpr std::string_view kPlatformPaid = "00";
inline constexpr std::string_view kPlatformPending = "01";  ///< QUERY: not settled yet.
inline constexpr std::string_view kPlatformTimedOut = "11";
inline constexpr std::string_view kPlatformCancelled = "24";
inline constexpr std::string_view kPlatformInsufficientFunds = "51";

/// LoaiPhiLePhi of a fee item (assumed): phí (a fee) or lệ phí (a charge); separate e-receipts.
inline constexpr std::string_view kPlatformFee = "1";
inline constexpr std::string_view kPlatformCharge = "2";

/// The signed fields of each message, in hash order.
inline constexpr std::array<std::string_view, 14> kPlatformInitFields = {
    "LoaiBanTin",        "PhienBan",         "MaDoiTac",   "MaThamChieu", "SoTien",
    "LoaiHinhThanhToan", "MaKenhThanhToan",  "MaThietBi",  "NgonNgu",     "MaTienTe",
    "MaNganHang",        "ThongTinGiaoDich", "ThoiGianGD", "Ip"};
inline constexpr std::array<std::string_view, 10> kPlatformConfirmFields = {
    "LoaiBanTin", "MaLoi",      "MaDoiTac",   "MaThamChieu", "SoTien",
    "MaTienTe",   "MaGiaoDich", "MaNganHang", "ThoiGianGD",  "ThongTinGiaoDich"};
/// QUERY and the receipt request.
inline constexpr std::array<std::string_view, 5> kPlatformLookupFields = {
    "LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu", "ThoiGianGD"};
inline constexpr std::array<std::string_view, 2> kPlatformReportFields = {"MaDoiTac", "Ngay"};

/// MotCua as the platform knows it.
struct PlatformMerchant {
    std::string partner_code;  ///< MaDoiTac.
    std::string secret;
    std::string base_url;  ///< E.g. https://thanhtoan.example.vn, without a trailing slash.
};

/// A value read from the platform (or from MotCua, on the simulator's side), or why not.
template <typename T>
struct PlatformRead {
    std::optional<T> value;
    std::string error;  ///< When there is no value: what is wrong, one line for operators.
    explicit operator bool() const { return value.has_value(); }
};

/// hex(SHA-256(values[0]|values[1]|…|secret)), lower case.
std::string PlatformHash(std::span<const std::string> values, std::string_view secret);
/// Whether `signature` (hex in either case) is PlatformHash(values, secret); constant time.
bool PlatformSignatureMatches(std::span<const std::string> values, std::string_view secret,
                              std::string_view signature);

/// The values of `names` in `message`, in order, each a JSON string (possibly empty); the error
/// names the first that is missing or not a string.
PlatformRead<std::vector<std::string>> ReadPlatformFields(const boost::json::object& message,
                                                          std::span<const std::string_view> names);
/// Sets message["MaXacThuc"] to the hash of the values of `names` (each a string in `message`).
void SignPlatformMessage(boost::json::object& message, std::span<const std::string_view> names,
                         std::string_view secret);
/// Whether message["MaXacThuc"] is a string and the hash of the values of `names`.
bool VerifyPlatformMessage(const boost::json::object& message,
                           std::span<const std::string_view> names, std::string_view secret);

/// ThoiGianGD: yyyyMMddHHmmss in GMT+7, 24-hour.
std::string PlatformTime(std::chrono::system_clock::time_point at);
/// The report's Ngay: yyyyMMdd in GMT+7.
std::string PlatformDay(std::chrono::system_clock::time_point at);
/// 14 digits with month 01–12, day 01–31, hour 00–23, minutes and seconds 00–59.
bool IsPlatformTime(std::string_view text);
/// MaThamChieu: 1–50 ASCII letters and digits.
bool IsPlatformReference(std::string_view text);
/// SoTien: a whole number of đồng ≥ 1 in canonical decimal (no sign, no leading zero), ≤ 10^15.
std::optional<std::int64_t> ParsePlatformAmount(std::string_view text);

/// One line of PhiLePhi.
struct PlatformFeeItem {
    std::string kind;  ///< LoaiPhiLePhi: kPlatformFee or kPlatformCharge.
    std::string code;  ///< MaPhiLePhi.
    std::string name;  ///< TenPhiLePhi.
    std::int64_t amount_vnd = 0;
};

/// One line of DSKhoanNop.
struct PlatformPaymentLine {
    std::string content;  ///< NoiDung.
    std::int64_t amount_vnd = 0;
};

/// ThongTinBienLai: what the platform prints on the e-receipts (not signed). MaDichVu is "2".
struct PlatformReceipt {
    std::string service_code;                ///< MaDVC.
    std::string service_name;                ///< TenDVC.
    std::string procedure_code;              ///< MaTTHC.
    std::string procedure_name;              ///< TenTTHC.
    std::string agency_code;                 ///< MaDonVi.
    std::string agency_name;                 ///< TenDonVi.
    std::string dossier_code;                ///< MaHoSo.
    std::string beneficiary_account;         ///< TKThuHuong.
    std::string beneficiary_bank;            ///< MaNHThuHuong.
    std::string beneficiary_account_name;    ///< TenTKThuHuong.
    std::string payer_name;                  ///< HoTenNguoiNop.
    std::string payer_id_number;             ///< SoCMNDNguoiNop.
    std::string payer_address;               ///< DiaChiNguoiNop.
    std::string payment_content;             ///< NoiDungThanhToan.
    std::vector<PlatformFeeItem> fees;       ///< PhiLePhi: their amounts add up to SoTien.
    std::vector<PlatformPaymentLine> lines;  ///< DSKhoanNop.
};

/// One payment order sent to the platform.
struct PlatformInit {
    std::string reference;  ///< MaThamChieu: MotCua's payment order.
    std::int64_t amount_vnd = 0;
    std::string info;        ///< ThongTinGiaoDich (Vietnamese text).
    std::string time_gd;     ///< ThoiGianGD (PlatformTime).
    std::string ip;          ///< The applicant's address.
    std::string return_url;  ///< UrlTraVe, not signed (assumed); empty: none.
    PlatformReceipt receipt;
};

/// POST kPlatformInitPath: the signed INIT with its ThongTinBienLai.
std::string PlatformInitBody(const PlatformMerchant& merchant, const PlatformInit& init);
/// The UrlThanhToan of an answer {"error_code": "0", "message": "{\"UrlThanhToan\": …}"}.
PlatformRead<std::string> ReadPlatformInitAnswer(int status, std::string_view body);

/// The platform's word on one transaction: the confirm callback, or a QUERY answer.
struct PlatformConfirm {
    std::string message_type;  ///< LoaiBanTin (the simulator sends "CONFIRM" or "QUERY").
    std::string result;        ///< MaLoi; kPlatformPaid alone means paid.
    std::string partner_code;  ///< MaDoiTac.
    std::string reference;     ///< MaThamChieu.
    std::int64_t amount_vnd = 0;
    std::string currency = "VND";  ///< MaTienTe.
    std::string transaction_id;    ///< MaGiaoDich (empty while pending).
    std::string bank_code;         ///< MaNganHang.
    std::string time_gd;           ///< ThoiGianGD.
    std::string info;              ///< ThongTinGiaoDich.
    std::string signature;         ///< MaXacThuc as received.

    bool Paid() const { return result == kPlatformPaid; }
};

/// The confirm in a callback's body, every field present and a string, SoTien an amount;
/// the signature is not checked here (VerifyPlatformConfirm).
PlatformRead<PlatformConfirm> ParsePlatformConfirm(std::string_view body);
PlatformRead<PlatformConfirm> ReadPlatformConfirm(const boost::json::object& message);
bool VerifyPlatformConfirm(const PlatformConfirm& confirm, std::string_view secret);
/// The platform's side (the simulator, tests): the confirm as JSON, signed with `secret`.
boost::json::object SignedPlatformConfirm(const PlatformConfirm& confirm, std::string_view secret);

/// MotCua's reply to a confirm (assumed): HTTP 200 {"error_code", "message"}.
enum class PlatformConfirmCode {
    kAccepted,          ///< "0": recorded now, or already recorded (a repeat).
    kBadSignature,      ///< "1": MaXacThuc does not match.
    kUnknownReference,  ///< "2": no payment order with that MaThamChieu.
    kAmountMismatch,    ///< "3": SoTien is not the order's amount.
    kMalformed,         ///< "4": a field missing or wrong, another MaDoiTac or currency.
    kRetryLater,        ///< "99": MotCua could not record it now; the platform retries.
};
std::string_view PlatformConfirmCodeText(PlatformConfirmCode code);
std::string PlatformConfirmReply(PlatformConfirmCode code);
/// The reply a verified-or-not confirm deserves; `order_amount_vnd` is the amount of the order
/// with that reference, nullopt when there is none. Accepted is not paid: see Paid().
PlatformConfirmCode CheckPlatformConfirm(const PlatformConfirm& confirm,
                                         const PlatformMerchant& merchant,
                                         std::optional<std::int64_t> order_amount_vnd);
/// The platform's side: the error_code of MotCua's reply; empty when the reply has none.
std::string ReadPlatformConfirmReply(int status, std::string_view body);

/// POST kPlatformQueryPath and kPlatformReceiptPath (LoaiBanTin "QUERY" and "RECEIPT").
std::string PlatformQueryBody(const PlatformMerchant& merchant, std::string_view reference,
                              std::string_view time_gd);
std::string PlatformReceiptBody(const PlatformMerchant& merchant, std::string_view reference,
                                std::string_view time_gd);
/// The transaction in a QUERY answer {"error_code": "0", "message": "<the confirm's JSON>"},
/// verified, for this merchant and reference.
PlatformRead<PlatformConfirm> ReadPlatformQueryAnswer(int status, std::string_view body,
                                                      const PlatformMerchant& merchant,
                                                      std::string_view reference);
/// The PDF of a receipt answer (HTTP 200, application/pdf, starting "%PDF-").
PlatformRead<std::string> ReadPlatformReceiptAnswer(int status, std::string_view content_type,
                                                    std::string_view body);

/// One paid transaction of a day in the simulator's reconciliation report.
struct PlatformReportEntry {
    std::string reference;       ///< MaThamChieu.
    std::string transaction_id;  ///< MaGiaoDich.
    std::int64_t amount_vnd = 0;
    std::string result;   ///< MaLoi.
    std::string time_gd;  ///< ThoiGianGD.
};
/// POST kPlatformReportPath {MaDoiTac, Ngay, MaXacThuc}; `day` is yyyyMMdd (GMT+7).
std::string PlatformReportBody(const PlatformMerchant& merchant, std::string_view day);
PlatformRead<std::vector<PlatformReportEntry>> ReadPlatformReport(int status,
                                                                  std::string_view body);

}  // namespace motcua::connectors
