#include "reporting/render/receipt_pdf.hpp"

#include <string>

#include <gtest/gtest.h>

namespace motcua::reporting::render {
namespace {

std::size_t Pages(const std::string& pdf) {
    std::size_t count = 0;
    for (const char* marker : {"/Type /Page\n", "/Type /Page "}) {
        for (auto at = pdf.find(marker); at != std::string::npos; at = pdf.find(marker, at + 1)) {
            ++count;
        }
    }
    return count;
}

ReceiptPrint Print() {
    return {.agency_name = "UBND phường Hạc Thành",
            .agency_code = "H32.22333",
            .payer_name = "Nguyễn Thị Hường",
            .dossier_code = "H32.22333.01-261207-0001",
            .procedure = "Đăng ký khai sinh (2.000635)",
            .channel = "vnpay",
            .transaction = "14123456",
            .paid_at = "2026-12-07T09:05:00+07:00",
            .sheets = {{.kind = "charge",
                        .number = "BL0000007-P",
                        .lines = {{.name = "Phí cấp bản sao", .amount_vnd = 3000}},
                        .total_vnd = 3000,
                        .total_in_words = "Ba nghìn đồng"},
                       {.kind = "fee",
                        .number = "BL0000007-LP",
                        .lines = {{.name = "Lệ phí", .code = "LP1", .amount_vnd = 5000}},
                        .total_vnd = 5000,
                        .total_in_words = "Năm nghìn đồng"}}};
}

TEST(ReceiptPdfTest, AmountsAreGroupedByDotsAsVietnameseDocumentsWriteThem) {
    EXPECT_EQ(GroupedAmount(0), "0");
    EXPECT_EQ(GroupedAmount(999), "999");
    EXPECT_EQ(GroupedAmount(1000), "1.000");
    EXPECT_EQ(GroupedAmount(16000), "16.000");
    EXPECT_EQ(GroupedAmount(1234567), "1.234.567");
    EXPECT_EQ(GroupedAmount(-25000), "-25.000");
}

TEST(ReceiptPdfTest, EachReceiptOfAPaymentIsAPageOfItsOwn) {
    const auto both = RenderReceiptsPdf(Print());
    ASSERT_TRUE(both.HasValue());
    EXPECT_EQ(both.Value().rfind("%PDF-1.", 0), 0U);
    EXPECT_EQ(Pages(both.Value()), 2U);
    EXPECT_EQ(both.Value(), RenderReceiptsPdf(Print()).Value()) << "no clock in the file";

    auto one = Print();
    one.sheets.pop_back();
    one.refunded_vnd = 3000;
    one.refunded_at = "2026-12-07T10:00:00+07:00";
    const auto single = RenderReceiptsPdf(one);
    ASSERT_TRUE(single.HasValue());
    EXPECT_EQ(Pages(single.Value()), 1U);
}

}  // namespace
}  // namespace motcua::reporting::render
