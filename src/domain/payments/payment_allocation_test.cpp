// Which items a payment paid: phí before lệ phí, oldest payment first (docs/payments.md §7).
#include "domain/payments/payment_allocation.hpp"

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

// A procedure's lines: a lệ phí of 50,000 and two phí of 8,000 (copies) and 2,000.
const std::vector<PaidLine> kDue = {{"fee", "LP1", "Lệ phí cấp giấy", 50000},
                                    {"charge", "P1", "Phí sao lục", 8000},
                                    {"charge", "P2", "Phí thẩm định", 2000},
                                    {"fee", "LP2", "Lệ phí miễn", 0}};

std::int64_t Total(const std::vector<PaidLine>& lines) {
    std::int64_t total = 0;
    for (const auto& line : lines) {
        total += line.amount;
    }
    return total;
}

TEST(PaymentAllocation, AWholePaymentPaysEveryLinePhiFirst) {
    const auto paid = AllocatePayment(kDue, 0, 60000);
    ASSERT_EQ(paid.size(), 3U);
    EXPECT_EQ(paid[0].code, "P1");
    EXPECT_EQ(paid[0].amount, 8000);
    EXPECT_EQ(paid[1].code, "P2");
    EXPECT_EQ(paid[1].amount, 2000);
    EXPECT_EQ(paid[2].code, "LP1");
    EXPECT_EQ(paid[2].amount, 50000);
}

TEST(PaymentAllocation, APartPaymentPaysPhiAndTheNextPaymentTheRest) {
    const auto first = AllocatePayment(kDue, 0, 9000);
    ASSERT_EQ(first.size(), 2U);
    EXPECT_EQ(first[1].code, "P2");
    EXPECT_EQ(first[1].amount, 1000);
    const auto second = AllocatePayment(kDue, 9000, 51000);
    ASSERT_EQ(second.size(), 2U);
    EXPECT_EQ(second[0].code, "P2");
    EXPECT_EQ(second[0].amount, 1000);
    EXPECT_EQ(second[1].kind, "fee");
    EXPECT_EQ(second[1].amount, 50000);
    EXPECT_EQ(Total(first) + Total(second), 60000);
}

TEST(PaymentAllocation, MoneyBeyondTheLinesStillAddsUp) {
    const auto paid = AllocatePayment(kDue, 55000, 10000);
    EXPECT_EQ(Total(paid), 10000);
    EXPECT_EQ(paid.back().code, "");
    EXPECT_EQ(paid.back().amount, 5000);
    EXPECT_TRUE(AllocatePayment(kDue, 0, 0).empty());
}

}  // namespace
}  // namespace motcua::domain
