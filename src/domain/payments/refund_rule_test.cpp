// The refund rule (docs/payments.md §4).
#include "domain/payments/refund_rule.hpp"

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

std::string RefusedField(const Outcome<std::int64_t>& checked) {
    EXPECT_FALSE(checked.HasValue());
    if (checked) {
        return {};
    }
    EXPECT_EQ(checked.GetError().code, "invalid_refund");
    return checked.GetError().param;
}

TEST(RefundRule, AWholeRefundReturnsWhatThePaymentTook) {
    const auto amount = CheckRefund({.reason = "Hồ sơ bị từ chối"}, 58000);
    ASSERT_TRUE(amount.HasValue());
    EXPECT_EQ(amount.Value(), 58000);
}

TEST(RefundRule, APartRefundReturnsItsAmountAndNeverMore) {
    EXPECT_EQ(CheckRefund({.amount = 8000, .reason = "Nộp thừa"}, 58000).Value(), 8000);
    EXPECT_EQ(CheckRefund({.amount = 58000, .reason = "Nộp thừa"}, 58000).Value(), 58000);
    EXPECT_EQ(RefusedField(CheckRefund({.amount = 58001, .reason = "Nộp thừa"}, 58000)), "amount");
    EXPECT_EQ(RefusedField(CheckRefund({.amount = -1, .reason = "Nộp thừa"}, 58000)), "amount");
}

TEST(RefundRule, ATransferOrCardRefundNamesItsReference) {
    EXPECT_EQ(RefusedField(CheckRefund({.method = "transfer", .reason = "x"}, 1000)), "reference");
    EXPECT_EQ(RefusedField(CheckRefund({.method = "cheque", .reason = "x"}, 1000)), "method");
    EXPECT_EQ(
        RefusedField(CheckRefund({.method = "cash", .reference = "a b", .reason = "x"}, 1000)),
        "reference");
    EXPECT_TRUE(
        CheckRefund({.method = "transfer", .reference = "FT2634100012", .reason = "x"}, 1000)
            .HasValue());
}

TEST(RefundRule, TheReasonIsWrittenDownAndBounded) {
    EXPECT_EQ(RefusedField(CheckRefund({}, 1000)), "reason");
    EXPECT_EQ(RefusedField(CheckRefund({.reason = " \t\n"}, 1000)), "reason");
    EXPECT_EQ(RefusedField(CheckRefund({.reason = std::string(kMaxRefundReason + 1, 'x')}, 1000)),
              "reason");
    EXPECT_TRUE(CheckRefund({.reason = std::string(kMaxRefundReason, 'x')}, 1000).HasValue());
}

}  // namespace
}  // namespace motcua::domain
