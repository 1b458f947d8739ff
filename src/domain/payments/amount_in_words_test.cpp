// Amounts in Vietnamese words, as receipts write them.
#include "domain/payments/amount_in_words.hpp"

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

TEST(AmountInWords, ReadsTheFeesOfTheCatalogue) {
    EXPECT_EQ(AmountInWords(8000), "Tám nghìn đồng");
    EXPECT_EQ(AmountInWords(58000), "Năm mươi tám nghìn đồng");
    EXPECT_EQ(AmountInWords(100000), "Một trăm nghìn đồng");
    EXPECT_EQ(AmountInWords(1500000), "Một triệu năm trăm nghìn đồng");
}

TEST(AmountInWords, SaysMotLamLinhAndMuoiWhereVietnameseDoes) {
    EXPECT_EQ(AmountInWords(0), "Không đồng");
    EXPECT_EQ(AmountInWords(10), "Mười đồng");
    EXPECT_EQ(AmountInWords(11), "Mười một đồng");
    EXPECT_EQ(AmountInWords(15), "Mười lăm đồng");
    EXPECT_EQ(AmountInWords(21), "Hai mươi mốt đồng");
    EXPECT_EQ(AmountInWords(25), "Hai mươi lăm đồng");
    EXPECT_EQ(AmountInWords(105), "Một trăm linh năm đồng");
    EXPECT_EQ(AmountInWords(105000), "Một trăm linh năm nghìn đồng");
    EXPECT_EQ(AmountInWords(1005), "Một nghìn không trăm linh năm đồng");
    EXPECT_EQ(AmountInWords(1000050), "Một triệu không trăm năm mươi đồng");
}

TEST(AmountInWords, LeavesOutGroupsOfZerosAndReadsTy) {
    EXPECT_EQ(AmountInWords(1000000), "Một triệu đồng");
    EXPECT_EQ(AmountInWords(2000000500), "Hai tỷ năm trăm đồng");
    EXPECT_EQ(AmountInWords(1234567891),
              "Một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy "
              "nghìn tám trăm chín mươi mốt đồng");
    EXPECT_TRUE(AmountInWords(kMaxAmountInWords)
                    .starts_with("Chín trăm chín mươi chín nghìn tỷ chín trăm chín mươi chín tỷ"));
}

TEST(AmountInWords, WritesDigitsOutsideWhatItReads) {
    EXPECT_EQ(AmountInWords(-5), "-5 đồng");
    EXPECT_EQ(AmountInWords(kMaxAmountInWords + 1), "1000000000000000 đồng");
}

}  // namespace
}  // namespace motcua::domain
