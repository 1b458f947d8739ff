// The expected URLs and signatures were produced by the `vnpay` npm package 2.5.0
// (buildPaymentUrl; buildPaymentUrlSearchParams + calculateSecureHash for the IPN) with the
// inputs below, so that MotCua and the package sign and verify the same text.
#include "connectors/vnpay/vnpay_protocol.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace motcua::connectors {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kSecret = "vnpay-secret-for-tests";
const std::string kOrderInfo = "Thanh toán lệ phí hồ sơ H32.01-261204-0001 (*)~'";

const VnpayMerchant kMerchant{.tmn_code = "MOTCUA01",
                              .hash_secret = std::string(kSecret),
                              .pay_base_url = "https://sandbox.vnpayment.vn/",
                              .api_url = ""};

constexpr std::string_view kNpmPayUrl =
    "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=12500000&vnp_Command=pay&"
    "vnp_CreateDate=20261204103000&vnp_CurrCode=VND&vnp_ExpireDate=20261204104500&"
    "vnp_IpAddr=203.0.113.7&vnp_Locale=vn&vnp_OrderInfo=Thanh+to%C3%A1n+l%E1%BB%87+ph%C3%AD+"
    "h%E1%BB%93+s%C6%A1+H32.01-261204-0001+%28*%29%7E%27&vnp_OrderType=other&"
    "vnp_ReturnUrl=https%3A%2F%2Fmotcua.example.vn%2Fthanh-toan%2Fket-qua%3Ffrom%3Dvnpay&"
    "vnp_TmnCode=MOTCUA01&vnp_TxnRef=H32-0001-1&vnp_Version=2.1.0&vnp_SecureHash="
    "034a3de831a501bcd1beb41eaf973c0cc43647b668b1d11c664b90f5598c2e60b965d44df24231d448bdbf1bcd"
    "c8053873024d1f4ffca4b3b12d5740a8efd192";

constexpr std::string_view kNpmPayUrl2 =
    "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=5000000&vnp_BankCode=NCB&"
    "vnp_Command=pay&vnp_CreateDate=20261231235959&vnp_CurrCode=VND&vnp_IpAddr=%3A%3A1&"
    "vnp_Locale=en&vnp_OrderInfo=Le+phi&vnp_OrderType=other&"
    "vnp_ReturnUrl=http%3A%2F%2F127.0.0.1%3A8080%2Fr&vnp_TmnCode=MOTCUA01&vnp_TxnRef=A+B&"
    "vnp_Version=2.1.0&vnp_SecureHash=a0f6f74e7afbfaa813ea4527a4f8fcb9009b8171db33cb142fc9320ae0"
    "19493a7474838a8dd93e3da13a5cb939ac8f759983df0870177ee3a523ed3f3099fd0d";

constexpr std::string_view kNpmIpnData =
    "vnp_Amount=12500000&vnp_BankCode=NCB&vnp_BankTranNo=VNP14226112&vnp_CardType=ATM&"
    "vnp_OrderInfo=Thanh+to%C3%A1n+l%E1%BB%87+ph%C3%AD+h%E1%BB%93+s%C6%A1+H32.01-261204-0001+"
    "%28*%29%7E%27&vnp_PayDate=20261204103512&vnp_ResponseCode=00&vnp_TmnCode=MOTCUA01&"
    "vnp_TransactionNo=14226112&vnp_TransactionStatus=00&vnp_TxnRef=H32-0001-1";
constexpr std::string_view kNpmIpnHash =
    "bd320a68f53c98eb11e3db98142ef06a4292ad8f3e0f4af7473b1a7e129e8ac12d5db0d14490d2cf22dec06a09"
    "18d1792a826350661693cd15ba9de0ff25d685";

std::string Query(std::string_view url) { return std::string(url.substr(url.find('?') + 1)); }

VnpayParams Parsed(std::string_view query) {
    auto params = ParseVnpayQuery(query);
    EXPECT_TRUE(params.has_value()) << query;
    return params.value_or(VnpayParams{});
}

std::string NpmIpnQuery() {
    return std::string(kNpmIpnData) + "&vnp_SecureHash=" + std::string(kNpmIpnHash);
}

TEST(VnpayProtocolTest, EncodesAsUrlSearchParams) {
    EXPECT_EQ(VnpayFormEncode("Thanh toán lệ phí hồ sơ H32.01-261204-0001 (*)~'!\"#$%&+,/:;<=>?@"
                              "[\\]^_`{|}-. é\t\n"),
              "Thanh+to%C3%A1n+l%E1%BB%87+ph%C3%AD+h%E1%BB%93+s%C6%A1+H32.01-261204-0001+%28*%29"
              "%7E%27%21%22%23%24%25%26%2B%2C%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E_%60%7B%7C%7D-.+"
              "%C3%A9%09%0A");
}

TEST(VnpayProtocolTest, BuildsThePayUrlTheNpmPackageBuilds) {
    const VnpayPayRequest request{
        .txn_ref = "H32-0001-1",
        .amount_vnd = 125000,
        .order_info = kOrderInfo,
        .return_url = "https://motcua.example.vn/thanh-toan/ket-qua?from=vnpay",
        .ip_addr = "203.0.113.7",
        .create_date = "20261204103000",
        .expire_date = "20261204104500"};
    EXPECT_EQ(BuildVnpayPayUrl(kMerchant, request), kNpmPayUrl);

    const VnpayPayRequest english{.txn_ref = "A B",
                                  .amount_vnd = 50000,
                                  .order_info = "Le phi",
                                  .locale = "en",
                                  .return_url = "http://127.0.0.1:8080/r",
                                  .ip_addr = "::1",
                                  .create_date = "20261231235959",
                                  .bank_code = "NCB"};
    EXPECT_EQ(BuildVnpayPayUrl(kMerchant, english), kNpmPayUrl2);
}

TEST(VnpayProtocolTest, VerifiesPayUrlsTheNpmPackageSigns) {
    const VnpayCallback pay = VnpayVerify(Parsed(Query(kNpmPayUrl)), kSecret);
    EXPECT_TRUE(pay.signature_ok);
    EXPECT_EQ(pay.amount_vnd, 125000);
    EXPECT_EQ(pay.order_info, kOrderInfo);
    EXPECT_EQ(pay.txn_ref, "H32-0001-1");
    EXPECT_TRUE(VnpayVerify(Parsed(Query(kNpmPayUrl2)), kSecret).signature_ok);
}

TEST(VnpayProtocolTest, VerifiesAnIpnSignedTheNpmWay) {
    const VnpayCallback ipn = VnpayVerify(Parsed(NpmIpnQuery()), kSecret);
    EXPECT_TRUE(ipn.signature_ok);
    EXPECT_TRUE(ipn.Paid());
    EXPECT_EQ(ipn.tmn_code, "MOTCUA01");
    EXPECT_EQ(ipn.txn_ref, "H32-0001-1");
    EXPECT_EQ(ipn.amount_vnd, 125000);
    EXPECT_EQ(ipn.response_code, "00");
    EXPECT_EQ(ipn.transaction_status, "00");
    EXPECT_EQ(ipn.transaction_no, "14226112");
    EXPECT_EQ(ipn.bank_code, "NCB");
    EXPECT_EQ(ipn.bank_tran_no, "VNP14226112");
    EXPECT_EQ(ipn.card_type, "ATM");
    EXPECT_EQ(ipn.pay_date, "20261204103512");
    EXPECT_EQ(ipn.order_info, kOrderInfo);
}

TEST(VnpayProtocolTest, SignsTheIpnAsTheNpmPackageVerifiesIt) {
    VnpayParams params = Parsed(kNpmIpnData);
    std::ranges::reverse(params);  // The order given does not matter: the keys are sorted.
    EXPECT_EQ(VnpaySignedQuery(params, kSecret), NpmIpnQuery());
}

TEST(VnpayProtocolTest, IgnoresTheHashTypeEmptyValuesAndTheMerchantsOwnParameters) {
    const std::string query =
        "from=vnpay&" + NpmIpnQuery() + "&vnp_SecureHashType=HmacSHA512&vnp_PromotionCode=&lang=vi";
    EXPECT_TRUE(VnpayVerify(Parsed(query), kSecret).signature_ok);
}

TEST(VnpayProtocolTest, RefusesWhatWasNotSignedSo) {
    const std::string good = NpmIpnQuery();
    const auto replaced = [&](std::string_view from, std::string_view to) {
        std::string text = good;
        text.replace(text.find(from), from.size(), to);
        return VnpayVerify(Parsed(text), kSecret);
    };
    const VnpayCallback tampered = replaced("vnp_Amount=12500000", "vnp_Amount=100");
    EXPECT_FALSE(tampered.signature_ok);
    EXPECT_FALSE(tampered.Paid());
    EXPECT_FALSE(replaced("vnp_ResponseCode=00", "vnp_ResponseCode=24").signature_ok);
    EXPECT_FALSE(VnpayVerify(Parsed(kNpmIpnData), kSecret).signature_ok);  // No hash.
    EXPECT_FALSE(VnpayVerify(Parsed(good), "another-secret").signature_ok);
    std::string upper(kNpmIpnHash);
    std::ranges::transform(upper, upper.begin(), [](char c) { return c >= 'a' ? c - 32 : c; });
    EXPECT_FALSE(replaced(kNpmIpnHash, upper).signature_ok);  // As the npm package: `===`.
    EXPECT_FALSE(replaced(kNpmIpnHash, kNpmIpnHash.substr(0, 64)).signature_ok);
    // A key given twice, even with the same value: which one counts would be a guess.
    EXPECT_FALSE(VnpayVerify(Parsed(good + "&vnp_Amount=12500000"), kSecret).signature_ok);
    EXPECT_FALSE(VnpayVerify(Parsed(good + "&vnp_SecureHash=" + std::string(kNpmIpnHash)), kSecret)
                     .signature_ok);
}

TEST(VnpayProtocolTest, ReadsAmountsInHundredthsOfADong) {
    EXPECT_EQ(VnpayAmountVnd("12500000"), 125000);
    EXPECT_EQ(VnpayAmountVnd("0"), 0);
    EXPECT_EQ(VnpayAmountVnd("922337203685477500"), 9223372036854775);
    EXPECT_EQ(VnpayAmountVnd("12500050"), std::nullopt);  // Not whole đồng.
    EXPECT_EQ(VnpayAmountVnd(""), std::nullopt);
    EXPECT_EQ(VnpayAmountVnd("-100"), std::nullopt);
    EXPECT_EQ(VnpayAmountVnd("+100"), std::nullopt);
    EXPECT_EQ(VnpayAmountVnd("0100"), std::nullopt);
    EXPECT_EQ(VnpayAmountVnd("1e5"), std::nullopt);
    EXPECT_EQ(VnpayAmountVnd("99999999999999999999900"), std::nullopt);  // Overflow.
    const std::string bad_amount = "vnp_Amount=12345&vnp_TxnRef=x";
    EXPECT_EQ(VnpayVerify(Parsed(bad_amount), kSecret).amount_vnd, std::nullopt);
}

TEST(VnpayProtocolTest, ParsesQueries) {
    const auto params = ParseVnpayQuery("a=1+2&&b=%C3%A1%7e&c&d=&a=3");
    ASSERT_TRUE(params.has_value());
    const VnpayParams expected = {{"a", "1 2"}, {"b", "á~"}, {"c", ""}, {"d", ""}, {"a", "3"}};
    EXPECT_EQ(*params, expected);
    EXPECT_EQ(ParseVnpayQuery("a=%"), std::nullopt);
    EXPECT_EQ(ParseVnpayQuery("a=%4"), std::nullopt);
    EXPECT_EQ(ParseVnpayQuery("a=%zz"), std::nullopt);
    EXPECT_EQ(ParseVnpayQuery(""), VnpayParams{});
}

TEST(VnpayProtocolTest, SignDataLeavesOutEmptyValues) {
    EXPECT_EQ(VnpaySignData({{"vnp_b", "x y"}, {"vnp_c", ""}, {"vnp_a", "(1)"}}),
              "vnp_a=%281%29&vnp_b=x+y");
    EXPECT_EQ(VnpaySign(kSecret, "").size(), 128U);
}

TEST(VnpayProtocolTest, AnswersIpnCallsAsVnpayExpects) {
    EXPECT_EQ(VnpayIpnReplyJson(VnpayIpnReply::kConfirmSuccess),
              R"({"RspCode":"00","Message":"Confirm Success"})");
    EXPECT_EQ(VnpayIpnReplyJson(VnpayIpnReply::kOrderNotFound),
              R"({"RspCode":"01","Message":"Order not found"})");
    EXPECT_EQ(VnpayIpnReplyJson(VnpayIpnReply::kAlreadyConfirmed),
              R"({"RspCode":"02","Message":"Order already confirmed"})");
    EXPECT_EQ(VnpayIpnReplyJson(VnpayIpnReply::kIpProhibited),
              R"({"RspCode":"03","Message":"IP prohibited"})");
    EXPECT_EQ(VnpayIpnReplyJson(VnpayIpnReply::kInvalidAmount),
              R"({"RspCode":"04","Message":"Invalid amount"})");
    EXPECT_EQ(VnpayIpnReplyJson(VnpayIpnReply::kFailChecksum),
              R"({"RspCode":"97","Message":"Fail checksum"})");
    EXPECT_EQ(VnpayIpnReplyJson(VnpayIpnReply::kUnknownError),
              R"({"RspCode":"99","Message":"Unknown error"})");
}

TEST(VnpayProtocolTest, WritesAndChecksDatesInGmtPlus7) {
    using std::chrono::sys_days;
    EXPECT_EQ(VnpayDate(sys_days{2026y / 12 / 4} + 3h + 30min), "20261204103000");
    EXPECT_EQ(VnpayDate(sys_days{2026y / 12 / 31} + 17h), "20270101000000");
    EXPECT_EQ(VnpayDate(sys_days{2024y / 2 / 28} + 16h + 59min + 59s), "20240228235959");
    EXPECT_TRUE(IsVnpayDate("20261204103000"));
    EXPECT_FALSE(IsVnpayDate("20261304103000"));
    EXPECT_FALSE(IsVnpayDate("20261200103000"));
    EXPECT_FALSE(IsVnpayDate("20261204243000"));
    EXPECT_FALSE(IsVnpayDate("2026120410300"));
    EXPECT_FALSE(IsVnpayDate("2026120410300x"));
}

TEST(VnpayProtocolTest, NamesResponseCodes) {
    EXPECT_EQ(VnpayResponseMeaning("24"), "Khách hàng hủy giao dịch (cancelled by the customer)");
    EXPECT_EQ(VnpayResponseMeaning("42"), "Giao dịch thất bại (failure)");
}

}  // namespace
}  // namespace motcua::connectors
