// The querydr signatures below were computed as the `vnpay` npm package 2.5.0 computes them
// (queryDr's request and answer strings, hashed with its `hash` helper).
#include "connectors/vnpay/vnpay_query.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace motcua::connectors {
namespace {

constexpr std::string_view kSecret = "vnpay-secret-for-tests";
const std::string kOrderInfo = "Thanh toán lệ phí hồ sơ H32.01-261204-0001 (*)~'";
const VnpayMerchant kMerchant{.tmn_code = "MOTCUA01",
                              .hash_secret = std::string(kSecret),
                              .pay_base_url = "https://sandbox.vnpayment.vn",
                              .api_url = ""};

constexpr std::string_view kNpmRequestHash =
    "a53a3abe2634623cd47b0b42baba0dd9933aa1d44a536c784b8c528542e7f4c408c7fb31bade1774cc098fd478"
    "dc86daedb531acbff7de8f3133a857768587af";
constexpr std::string_view kNpmAnswerHash =
    "aac024db26ea9c1daebc5e6667309049a5361a9469db03be23b87f289b39e7c9258acf0cdf877261ff1c13dc4b"
    "3372ea1491a49f2748d29ab6efa1d2a02b146d";

VnpayQueryRequest Request() {
    return {.request_id = "REQ-1",
            .txn_ref = "H32-0001-1",
            .transaction_date = "20261204103000",
            .create_date = "20261204110000",
            .ip_addr = "127.0.0.1",
            .order_info = "Truy vấn giao dịch H32-0001-1"};
}

VnpayQueryAnswer Answer() {
    return {.response_id = "RESP-1",
            .response_code = "00",
            .message = "QueryDR Success",
            .tmn_code = "MOTCUA01",
            .txn_ref = "H32-0001-1",
            .amount = "12500000",
            .bank_code = "NCB",
            .pay_date = "20261204103512",
            .transaction_no = "14226112",
            .transaction_type = "01",
            .transaction_status = "00",
            .order_info = kOrderInfo};
}

TEST(VnpayQueryTest, SignsTheQueryAsTheNpmPackage) {
    EXPECT_EQ(VnpayApiUrl(kMerchant),
              "https://sandbox.vnpayment.vn/merchant_webapi/api/transaction");
    const auto body = boost::json::parse(VnpayQueryDrBody(kMerchant, Request())).as_object();
    EXPECT_EQ(body.at("vnp_SecureHash").as_string(), kNpmRequestHash);
    EXPECT_EQ(body.at("vnp_Command").as_string(), "querydr");
    EXPECT_EQ(body.at("vnp_Version").as_string(), "2.1.0");
    EXPECT_EQ(body.at("vnp_TmnCode").as_string(), "MOTCUA01");
    EXPECT_EQ(body.at("vnp_TransactionDate").as_string(), "20261204103000");
    EXPECT_FALSE(body.contains("vnp_TransactionNo"));
}

TEST(VnpayQueryTest, TheGatewayChecksTheQuery) {
    const auto read = ReadVnpayQueryDrBody(VnpayQueryDrBody(kMerchant, Request()));
    ASSERT_TRUE(read.has_value());
    EXPECT_TRUE(VnpayQueryDrSigned(*read, kSecret));
    EXPECT_EQ(read->txn_ref, "H32-0001-1");
    EXPECT_FALSE(VnpayQueryDrSigned(*read, "another-secret"));
    VnpayQueryRequest tampered = *read;
    tampered.txn_ref = "H32-0002-1";
    EXPECT_FALSE(VnpayQueryDrSigned(tampered, kSecret));
    // The npm package sends the dates as JSON numbers.
    const auto numbers = ReadVnpayQueryDrBody(
        R"({"vnp_RequestId":"REQ-1","vnp_Version":"2.1.0","vnp_Command":"querydr",)"
        R"("vnp_TmnCode":"MOTCUA01","vnp_TxnRef":"H32-0001-1","vnp_TransactionDate":20261204103000,)"
        R"("vnp_CreateDate":20261204110000,"vnp_IpAddr":"127.0.0.1",)"
        R"("vnp_OrderInfo":"Truy vấn giao dịch H32-0001-1","vnp_TransactionNo":0,"vnp_SecureHash":")" +
        std::string(kNpmRequestHash) + "\"}");
    ASSERT_TRUE(numbers.has_value());
    EXPECT_TRUE(VnpayQueryDrSigned(*numbers, kSecret));
    EXPECT_EQ(ReadVnpayQueryDrBody("[]"), std::nullopt);
    EXPECT_EQ(ReadVnpayQueryDrBody(R"({"vnp_TxnRef": ["x"]})"), std::nullopt);
    EXPECT_EQ(ReadVnpayQueryDrBody(R"({"vnp_TxnRef": 1.5})"), std::nullopt);
}

TEST(VnpayQueryTest, SignsAndReadsTheAnswerAsTheNpmPackage) {
    const std::string json = VnpayQueryDrAnswerJson(Answer(), kSecret);
    const auto object = boost::json::parse(json).as_object();
    EXPECT_EQ(object.at("vnp_SecureHash").as_string(), kNpmAnswerHash);
    EXPECT_FALSE(object.contains("vnp_PromotionCode"));
    const auto result = ReadVnpayQueryDrAnswer(json, kMerchant);
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->signature_ok);
    EXPECT_EQ(result->amount_vnd, 125000);
    EXPECT_EQ(result->answer.transaction_status, "00");
    EXPECT_EQ(result->answer.order_info, kOrderInfo);
}

TEST(VnpayQueryTest, RefusesAnswersNotSignedSo) {
    auto object = boost::json::parse(VnpayQueryDrAnswerJson(Answer(), kSecret)).as_object();
    object["vnp_Amount"] = 100;  // A number is read as its digits, and the signature breaks.
    auto result = ReadVnpayQueryDrAnswer(boost::json::serialize(object), kMerchant);
    ASSERT_TRUE(result.has_value());
    EXPECT_FALSE(result->signature_ok);
    EXPECT_EQ(result->amount_vnd, 1);
    object.erase("vnp_SecureHash");
    object["vnp_Amount"] = "12500000";
    result = ReadVnpayQueryDrAnswer(boost::json::serialize(object), kMerchant);
    ASSERT_TRUE(result.has_value());
    EXPECT_FALSE(result->signature_ok);  // The npm package would accept it; MotCua does not.
    EXPECT_EQ(ReadVnpayQueryDrAnswer("{not json", kMerchant), std::nullopt);
    EXPECT_EQ(ReadVnpayQueryDrAnswer(R"({"vnp_ResponseCode": {}})", kMerchant), std::nullopt);
    VnpayMerchant other = kMerchant;
    other.hash_secret = "another-secret";
    EXPECT_FALSE(
        ReadVnpayQueryDrAnswer(VnpayQueryDrAnswerJson(Answer(), kSecret), other)->signature_ok);
}

TEST(VnpayQueryTest, ReportsRoundTrip) {
    const auto request = boost::json::parse(VnpayReportRequestBody(kMerchant, "20261204"));
    EXPECT_EQ(request.at("secure_hash").as_string(), VnpaySign(kSecret, "MOTCUA01|20261204"));
    VnpayReport report{.tmn_code = "MOTCUA01", .date = "20261204", .response_code = "00"};
    report.transactions.push_back({.txn_ref = "a,b;c|d",
                                   .transaction_no = "14226112",
                                   .amount = "12500000",
                                   .response_code = "00",
                                   .pay_date = "20261204103512"});
    EXPECT_EQ(VnpayReportData(report),
              "MOTCUA01|20261204|00|a%2Cb%3Bc%7Cd,14226112,12500000,00,20261204103512");
    const std::string json = VnpayReportJson(report, kSecret);
    const auto read = ReadVnpayReport(json, kMerchant);
    ASSERT_TRUE(read.has_value());
    EXPECT_TRUE(read->signature_ok);
    ASSERT_EQ(read->transactions.size(), 1U);
    EXPECT_EQ(read->transactions[0].txn_ref, "a,b;c|d");
    auto tampered = boost::json::parse(json).as_object();
    tampered["transactions"].as_array().clear();
    EXPECT_FALSE(ReadVnpayReport(boost::json::serialize(tampered), kMerchant)->signature_ok);
    EXPECT_EQ(ReadVnpayReport(R"({"transactions": {}})", kMerchant), std::nullopt);
}

}  // namespace
}  // namespace motcua::connectors
