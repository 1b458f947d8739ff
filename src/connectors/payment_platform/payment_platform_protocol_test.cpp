// The expected hashes were computed by hand, e.g. printf '%s' 'a|b|secret' | sha256sum.
#include "connectors/payment_platform/payment_platform_protocol.hpp"

#include <cctype>
#include <functional>

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace motcua::connectors {
namespace {

namespace json = boost::json;
using std::chrono::sys_days;

const PlatformMerchant kMerchant{.partner_code = "MOTCUA-H32",
                                 .secret = "platform-secret-for-tests",
                                 .base_url = "https://thanhtoan.example.vn"};
const std::string kInfo = "Thanh toán lệ phí hồ sơ 000.00.12.H32-260105-0001";
// INIT|1.0.6|MOTCUA-H32|PO000123|150000|PAY|1|1|vi-VN|VND|PAYMENT|<kInfo>|20260105143000|
// 203.0.113.7|platform-secret-for-tests
const std::string kInitHash = "6b8c4c32f59e50d4b6dd354d707ed4afb0262921033cd47ab7d4a2ee8ff73732";
// CONFIRM|00|MOTCUA-H32|PO000123|150000|VND|1000001|SIMBANK|20260105143512|<kInfo>|<secret>
const std::string kConfirmHash = "7ea042f50c1d80378d6f0effedc4213078568a89b7f9b679f0485e72e618cdd4";

PlatformInit SampleInit() {
    return {.reference = "PO000123",
            .amount_vnd = 150000,
            .info = kInfo,
            .time_gd = "20260105143000",
            .ip = "203.0.113.7",
            .receipt = {.procedure_code = "1.000001",
                        .procedure_name = "Cấp giấy phép xây dựng <nhà ở>",
                        .dossier_code = "000.00.12.H32-260105-0001",
                        .payer_name = "Nguyễn Văn A",
                        .fees = {{.kind = std::string(kPlatformFee),
                                  .code = "PHI01",
                                  .name = "Phí thẩm định",
                                  .amount_vnd = 100000},
                                 {.kind = std::string(kPlatformCharge),
                                  .code = "LEPHI01",
                                  .name = "Lệ phí cấp phép",
                                  .amount_vnd = 50000}},
                        .lines = {{.content = "Lệ phí", .amount_vnd = 150000}}}};
}

PlatformConfirm SampleConfirm() {
    return {.message_type = "CONFIRM",
            .result = "00",
            .partner_code = "MOTCUA-H32",
            .reference = "PO000123",
            .amount_vnd = 150000,
            .currency = "VND",
            .transaction_id = "1000001",
            .bank_code = "SIMBANK",
            .time_gd = "20260105143512",
            .info = kInfo,
            .signature = kConfirmHash};
}

std::string ConfirmBody(const std::function<void(json::object&)>& change) {
    json::object message = SignedPlatformConfirm(SampleConfirm(), kMerchant.secret);
    change(message);
    return json::serialize(message);
}

std::string Envelope(std::string_view code, std::string_view message) {
    return json::serialize(json::object{{"error_code", code}, {"message", message}});
}

TEST(PaymentPlatformProtocolTest, HashIsHexSha256OfTheValuesAndTheSecretJoinedByBars) {
    const std::vector<std::string> values = {"a", "b"};
    EXPECT_EQ(PlatformHash(values, "secret"),
              "9a088df79cc2798d20aa4646ce34ceb4a982c45c6734279968be682609afbd9f");
    const std::vector<std::string> empty_value = {""};
    EXPECT_EQ(PlatformHash(empty_value, "secret"),
              "c8e976dbd38e1f9e0229f6c488218d944265f31b73716e2dbb518b7af7d2d1b4");
}

TEST(PaymentPlatformProtocolTest, SignatureMatchesInEitherCaseButNotAnotherSecret) {
    const std::vector<std::string> values = {"a", "b"};
    const std::string hash = "9a088df79cc2798d20aa4646ce34ceb4a982c45c6734279968be682609afbd9f";
    std::string upper = hash;
    for (char& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    EXPECT_TRUE(PlatformSignatureMatches(values, "secret", hash));
    EXPECT_TRUE(PlatformSignatureMatches(values, "secret", upper));
    EXPECT_FALSE(PlatformSignatureMatches(values, "Secret", hash));
    EXPECT_FALSE(PlatformSignatureMatches(values, "secret", hash.substr(1)));
    EXPECT_FALSE(PlatformSignatureMatches(values, "secret", ""));
}

TEST(PaymentPlatformProtocolTest, InitBodyListsTheSignedFieldsInOrderWithTheReceipt) {
    PlatformInit init = SampleInit();
    init.return_url = "https://motcua.example.vn/thanh-toan/PO000123";
    const json::object body = json::parse(PlatformInitBody(kMerchant, init)).as_object();
    std::size_t i = 0;
    for (const auto& member : body) {
        if (i < kPlatformInitFields.size()) {
            EXPECT_EQ(member.key(), kPlatformInitFields[i]);
        }
        ++i;
    }
    EXPECT_EQ(body.at("MaXacThuc"), json::value(kInitHash));
    EXPECT_EQ(body.at("SoTien"), "150000");
    EXPECT_EQ(body.at("ThongTinGiaoDich"), json::value(kInfo));
    EXPECT_EQ(body.at("UrlTraVe"), "https://motcua.example.vn/thanh-toan/PO000123");
    const json::object& receipt = body.at("ThongTinBienLai").as_object();
    EXPECT_EQ(receipt.at("MaDichVu"), "2");
    EXPECT_EQ(receipt.at("TenTTHC"), "Cấp giấy phép xây dựng <nhà ở>");
    EXPECT_EQ(receipt.at("PhiLePhi"), json::parse(R"([
        {"LoaiPhiLePhi": "1", "MaPhiLePhi": "PHI01", "TenPhiLePhi": "Phí thẩm định",
         "SoTien": "100000"},
        {"LoaiPhiLePhi": "2", "MaPhiLePhi": "LEPHI01", "TenPhiLePhi": "Lệ phí cấp phép",
         "SoTien": "50000"}])"));
    EXPECT_EQ(receipt.at("DSKhoanNop"),
              json::parse(R"([{"NoiDung": "Lệ phí", "SoTien": "150000"}])"));
    EXPECT_TRUE(VerifyPlatformMessage(body, kPlatformInitFields, kMerchant.secret));
}

TEST(PaymentPlatformProtocolTest, InitWithoutAReturnUrlHasNoUrlTraVe) {
    const json::object body = json::parse(PlatformInitBody(kMerchant, SampleInit())).as_object();
    EXPECT_FALSE(body.contains("UrlTraVe"));
    EXPECT_EQ(body.at("MaXacThuc"), json::value(kInitHash));  // UrlTraVe is not signed.
}

TEST(PaymentPlatformProtocolTest, ReadsThePayUrlOfAnInitAnswer) {
    const auto url = ReadPlatformInitAnswer(
        200, Envelope("0", R"({"UrlThanhToan": "https://pay.example.vn/pay/PO000123"})"));
    ASSERT_TRUE(url) << url.error;
    EXPECT_EQ(*url.value, "https://pay.example.vn/pay/PO000123");
}

TEST(PaymentPlatformProtocolTest, InitAnswerErrorsSayWhy) {
    EXPECT_EQ(ReadPlatformInitAnswer(200, Envelope("5", "Trùng mã tham chiếu\n(duplicate)")).error,
              "error_code 5: Trùng mã tham chiếu (duplicate)");
    EXPECT_EQ(ReadPlatformInitAnswer(503, Envelope("99", "bảo trì")).error,
              "error_code 99: bảo trì (HTTP 503)");
    EXPECT_EQ(ReadPlatformInitAnswer(200, "{not json").error, "malformed answer (HTTP 200)");
    EXPECT_EQ(ReadPlatformInitAnswer(200, R"({"error_code": 0, "message": "{}"})").error,
              "malformed answer (HTTP 200)");
    EXPECT_EQ(ReadPlatformInitAnswer(200, Envelope("0", "not json")).error,
              "malformed answer: message holds no UrlThanhToan");
    EXPECT_EQ(
        ReadPlatformInitAnswer(200, Envelope("0", R"({"UrlThanhToan": "javascript:x"})")).error,
        "malformed answer: message holds no UrlThanhToan");
    EXPECT_EQ(ReadPlatformInitAnswer(500, Envelope("0", "{}")).error,
              "malformed answer (HTTP 500)");
}

TEST(PaymentPlatformProtocolTest, ParsesAndVerifiesAConfirmWithVietnameseText) {
    const auto confirm = ParsePlatformConfirm(ConfirmBody([](json::object&) {}));
    ASSERT_TRUE(confirm) << confirm.error;
    EXPECT_EQ(confirm.value->signature, kConfirmHash);
    EXPECT_EQ(confirm.value->info, kInfo);
    EXPECT_EQ(confirm.value->amount_vnd, 150000);
    EXPECT_TRUE(confirm.value->Paid());
    EXPECT_TRUE(VerifyPlatformConfirm(*confirm.value, kMerchant.secret));
    EXPECT_EQ(CheckPlatformConfirm(*confirm.value, kMerchant, 150000),
              PlatformConfirmCode::kAccepted);
}

TEST(PaymentPlatformProtocolTest, UpperCaseSignatureIsAccepted) {
    std::string upper = kConfirmHash;
    for (char& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    const auto confirm =
        ParsePlatformConfirm(ConfirmBody([&](json::object& m) { m["MaXacThuc"] = upper; }));
    ASSERT_TRUE(confirm) << confirm.error;
    EXPECT_TRUE(VerifyPlatformConfirm(*confirm.value, kMerchant.secret));
}

TEST(PaymentPlatformProtocolTest, TamperedAmountOrWrongSecretFailsTheSignature) {
    const auto tampered =
        ParsePlatformConfirm(ConfirmBody([](json::object& m) { m["SoTien"] = "1500000"; }));
    ASSERT_TRUE(tampered) << tampered.error;
    EXPECT_FALSE(VerifyPlatformConfirm(*tampered.value, kMerchant.secret));
    EXPECT_EQ(CheckPlatformConfirm(*tampered.value, kMerchant, 150000),
              PlatformConfirmCode::kBadSignature);
    const auto info = ParsePlatformConfirm(
        ConfirmBody([](json::object& m) { m["ThongTinGiaoDich"] = "Thanh toan le phi"; }));
    EXPECT_FALSE(VerifyPlatformConfirm(*info.value, kMerchant.secret));
    const auto confirm = ParsePlatformConfirm(ConfirmBody([](json::object&) {}));
    EXPECT_FALSE(VerifyPlatformConfirm(*confirm.value, "another-secret"));
}

TEST(PaymentPlatformProtocolTest, CheckNamesTheReplyAConfirmDeserves) {
    const PlatformConfirm confirm = SampleConfirm();
    EXPECT_EQ(CheckPlatformConfirm(confirm, kMerchant, std::nullopt),
              PlatformConfirmCode::kUnknownReference);
    EXPECT_EQ(CheckPlatformConfirm(confirm, kMerchant, 150001),
              PlatformConfirmCode::kAmountMismatch);
    PlatformConfirm other = confirm;
    other.partner_code = "OTHER";
    other.signature = SignedPlatformConfirm(other, kMerchant.secret).at("MaXacThuc").as_string();
    EXPECT_EQ(CheckPlatformConfirm(other, kMerchant, 150000), PlatformConfirmCode::kMalformed);
    PlatformConfirm failed = confirm;
    failed.result = std::string(kPlatformCancelled);
    failed.signature = SignedPlatformConfirm(failed, kMerchant.secret).at("MaXacThuc").as_string();
    EXPECT_EQ(CheckPlatformConfirm(failed, kMerchant, 150000), PlatformConfirmCode::kAccepted);
    EXPECT_FALSE(failed.Paid());
}

TEST(PaymentPlatformProtocolTest, RefusesConfirmsWithMissingOrMistypedFields) {
    const auto error = [](const std::function<void(json::object&)>& change) {
        const auto confirm = ParsePlatformConfirm(ConfirmBody(change));
        return confirm ? std::string("accepted") : confirm.error;
    };
    EXPECT_EQ(error([](json::object& m) { m.erase("MaGiaoDich"); }),
              "MaGiaoDich: missing or not a string");
    EXPECT_EQ(error([](json::object& m) { m["SoTien"] = 150000; }),
              "SoTien: missing or not a string");
    EXPECT_EQ(error([](json::object& m) { m["MaLoi"] = nullptr; }),
              "MaLoi: missing or not a string");
    EXPECT_EQ(error([](json::object& m) { m.erase("MaXacThuc"); }),
              "MaXacThuc: missing or not a string");
    EXPECT_EQ(error([](json::object& m) { m["MaXacThuc"] = json::array{}; }),
              "MaXacThuc: missing or not a string");
    EXPECT_EQ(error([](json::object& m) { m["SoTien"] = "150000.00"; }),
              "SoTien: not a whole amount of đồng");
    EXPECT_EQ(error([](json::object& m) { m["SoTien"] = "0150000"; }),
              "SoTien: not a whole amount of đồng");
    EXPECT_EQ(error([](json::object& m) { m["MaLoi"] = ""; }), "MaLoi: empty");
    EXPECT_EQ(error([](json::object& m) { m["MaThamChieu"] = "PO-1"; }),
              "MaThamChieu: not 1-50 letters and digits");
    EXPECT_EQ(error([](json::object& m) { m["ThoiGianGD"] = "2026-01-05 14:35"; }),
              "ThoiGianGD: not yyyyMMddHHmmss");
    EXPECT_EQ(ParsePlatformConfirm("[1]").error, "body: not a JSON object");
    EXPECT_EQ(ParsePlatformConfirm("").error, "body: not a JSON object");
}

TEST(PaymentPlatformProtocolTest, ConfirmRepliesAndTheirCodes) {
    EXPECT_EQ(json::parse(PlatformConfirmReply(PlatformConfirmCode::kAccepted)),
              json::parse(R"json({"error_code": "0", "message": "Đã ghi nhận (recorded)"})json"));
    EXPECT_EQ(ReadPlatformConfirmReply(200, PlatformConfirmReply(PlatformConfirmCode::kRetryLater)),
              "99");
    EXPECT_EQ(
        ReadPlatformConfirmReply(200, PlatformConfirmReply(PlatformConfirmCode::kBadSignature)),
        "1");
    EXPECT_EQ(PlatformConfirmCodeText(PlatformConfirmCode::kUnknownReference), "2");
    EXPECT_EQ(PlatformConfirmCodeText(PlatformConfirmCode::kAmountMismatch), "3");
    EXPECT_EQ(PlatformConfirmCodeText(PlatformConfirmCode::kMalformed), "4");
    EXPECT_EQ(ReadPlatformConfirmReply(500, PlatformConfirmReply(PlatformConfirmCode::kAccepted)),
              "");
    EXPECT_EQ(ReadPlatformConfirmReply(200, "OK"), "");
}

TEST(PaymentPlatformProtocolTest, QueryAndReceiptBodiesAreSigned) {
    const json::object query =
        json::parse(PlatformQueryBody(kMerchant, "PO000123", "20260105150000")).as_object();
    EXPECT_EQ(query, json::parse(R"({"LoaiBanTin": "QUERY", "PhienBan": "1.0.6",
        "MaDoiTac": "MOTCUA-H32", "MaThamChieu": "PO000123", "ThoiGianGD": "20260105150000",
        "MaXacThuc": "dac5897e76a1c9c16c6a3c539036f6655493577d6b91c066c8f1b2d7df112b48"})"));
    const json::object receipt =
        json::parse(PlatformReceiptBody(kMerchant, "PO000123", "20260105150000")).as_object();
    EXPECT_EQ(receipt.at("LoaiBanTin"), "RECEIPT");
    EXPECT_EQ(receipt.at("MaXacThuc"),
              "fe429221ced1bd5e4317585fbc13b45e65ce5098decc4e42c4fe63c1c48067db");
    EXPECT_EQ(json::parse(PlatformReportBody(kMerchant, "20260105")),
              json::parse(R"({"MaDoiTac": "MOTCUA-H32", "Ngay": "20260105",
        "MaXacThuc": "826f9b50065a30f4a9181f065a749b8942f39c7eb9057766ae99d32716d08075"})"));
}

TEST(PaymentPlatformProtocolTest, ReadsAVerifiedQueryAnswer) {
    const std::string message = ConfirmBody([](json::object& m) { m["LoaiBanTin"] = "QUERY"; });
    const auto wrong = ReadPlatformQueryAnswer(200, Envelope("0", message), kMerchant, "PO000123");
    EXPECT_EQ(wrong.error, "MaXacThuc of the answer does not match");  // Signed as CONFIRM.
    PlatformConfirm query = SampleConfirm();
    query.message_type = "QUERY";
    const std::string signed_query =
        json::serialize(SignedPlatformConfirm(query, kMerchant.secret));
    const auto answer =
        ReadPlatformQueryAnswer(200, Envelope("0", signed_query), kMerchant, "PO000123");
    ASSERT_TRUE(answer) << answer.error;
    EXPECT_TRUE(answer.value->Paid());
    EXPECT_EQ(answer.value->transaction_id, "1000001");
    EXPECT_EQ(ReadPlatformQueryAnswer(200, Envelope("0", signed_query), kMerchant, "PO9").error,
              "the answer is about another MaDoiTac or MaThamChieu");
    EXPECT_EQ(
        ReadPlatformQueryAnswer(200, Envelope("6", "Không có giao dịch"), kMerchant, "PO9").error,
        "error_code 6: Không có giao dịch");
    EXPECT_EQ(ReadPlatformQueryAnswer(200, Envelope("0", "[]"), kMerchant, "PO000123").error,
              "malformed answer: message is not a JSON object");
    EXPECT_EQ(ReadPlatformQueryAnswer(200, Envelope("0", "{}"), kMerchant, "PO000123").error,
              "malformed answer: LoaiBanTin: missing or not a string");
}

TEST(PaymentPlatformProtocolTest, ReceiptAnswerIsAPdfOrAnError) {
    const auto pdf = ReadPlatformReceiptAnswer(200, "application/pdf", "%PDF-1.5\n...");
    ASSERT_TRUE(pdf) << pdf.error;
    EXPECT_TRUE(pdf.value->starts_with("%PDF-"));
    EXPECT_EQ(
        ReadPlatformReceiptAnswer(200, "application/json", Envelope("7", "Chưa thanh toán")).error,
        "error_code 7: Chưa thanh toán");
    EXPECT_EQ(ReadPlatformReceiptAnswer(200, "text/html", "<html>").error,
              "malformed answer (HTTP 200)");
    EXPECT_EQ(ReadPlatformReceiptAnswer(200, "application/json", Envelope("0", "{}")).error,
              "not a PDF (HTTP 200, application/json)");
}

TEST(PaymentPlatformProtocolTest, ReadsTheReport) {
    const std::string list = R"({"MaDoiTac": "MOTCUA-H32", "Ngay": "20260105", "DanhSach": [
        {"MaThamChieu": "PO1", "MaGiaoDich": "1000001", "SoTien": "150000", "MaLoi": "00",
         "ThoiGianGD": "20260105143512"}]})";
    const auto report = ReadPlatformReport(200, Envelope("0", list));
    ASSERT_TRUE(report) << report.error;
    ASSERT_EQ(report.value->size(), 1U);
    EXPECT_EQ(report.value->front().reference, "PO1");
    EXPECT_EQ(report.value->front().amount_vnd, 150000);
    const std::string bad = R"({"DanhSach": [{"MaThamChieu": "PO1", "MaGiaoDich": "1",
        "SoTien": 150000, "MaLoi": "00", "ThoiGianGD": "20260105143512"}]})";
    EXPECT_EQ(ReadPlatformReport(200, Envelope("0", bad)).error,
              "malformed answer: DanhSach[0]: SoTien: missing or not a string");
    EXPECT_EQ(ReadPlatformReport(200, Envelope("0", "{}")).error,
              "malformed answer: message holds no DanhSach");
}

TEST(PaymentPlatformProtocolTest, TimesAreGmtPlus7) {
    using namespace std::chrono;
    const auto at = sys_days{2026y / January / 4d} + 17h + 30min + 5s;
    EXPECT_EQ(PlatformTime(at), "20260105003005");
    EXPECT_EQ(PlatformDay(at), "20260105");
    EXPECT_EQ(PlatformDay(at - 31min), "20260104");
    EXPECT_TRUE(IsPlatformTime("20260105003005"));
    EXPECT_FALSE(IsPlatformTime("20261305003005"));
    EXPECT_FALSE(IsPlatformTime("20260105243005"));
    EXPECT_FALSE(IsPlatformTime("2026010500300"));
    EXPECT_FALSE(IsPlatformTime("2026010500300x"));
}

TEST(PaymentPlatformProtocolTest, AmountsAndReferences) {
    EXPECT_EQ(ParsePlatformAmount("1"), 1);
    EXPECT_EQ(ParsePlatformAmount("1000000000000000"), 1'000'000'000'000'000);
    EXPECT_EQ(ParsePlatformAmount("1000000000000001"), std::nullopt);
    EXPECT_EQ(ParsePlatformAmount("0"), std::nullopt);
    EXPECT_EQ(ParsePlatformAmount("-5"), std::nullopt);
    EXPECT_EQ(ParsePlatformAmount("+5"), std::nullopt);
    EXPECT_EQ(ParsePlatformAmount(""), std::nullopt);
    EXPECT_EQ(ParsePlatformAmount("1e5"), std::nullopt);
    EXPECT_TRUE(IsPlatformReference("PO000123"));
    EXPECT_FALSE(IsPlatformReference(""));
    EXPECT_FALSE(IsPlatformReference(std::string(51, 'A')));
    EXPECT_FALSE(IsPlatformReference("PO_1"));
    EXPECT_FALSE(IsPlatformReference("Đ1"));
}

TEST(PaymentPlatformProtocolTest, ReadFieldsNamesTheFirstMissingOne) {
    const json::object message = {{"a", "1"}, {"b", 2}};
    constexpr std::array<std::string_view, 2> kNames = {"a", "b"};
    EXPECT_EQ(ReadPlatformFields(message, kNames).error, "b: missing or not a string");
    json::object signed_message = {{"a", "1"}, {"b", "2"}};
    SignPlatformMessage(signed_message, kNames, "s");
    EXPECT_TRUE(VerifyPlatformMessage(signed_message, kNames, "s"));
    EXPECT_FALSE(VerifyPlatformMessage(signed_message, kNames, "t"));
    signed_message["b"] = "3";
    EXPECT_FALSE(VerifyPlatformMessage(signed_message, kNames, "s"));
}

}  // namespace
}  // namespace motcua::connectors
