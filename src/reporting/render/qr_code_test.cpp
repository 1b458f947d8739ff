#include "reporting/render/qr_code.hpp"

#include <string>

#include <gtest/gtest.h>

namespace motcua::reporting::render {
namespace {

// The 7×7 finder pattern: a dark ring, a light ring, a dark 3×3 centre.
bool IsFinder(const QrMatrix& qr, int top, int left) {
    for (int row = 0; row < 7; ++row) {
        for (int column = 0; column < 7; ++column) {
            const bool ring = row == 0 || row == 6 || column == 0 || column == 6;
            const bool centre = row >= 2 && row <= 4 && column >= 2 && column <= 4;
            if (qr.At(top + row, left + column) != (ring || centre)) {
                return false;
            }
        }
    }
    return true;
}

TEST(QrCodeTest, ALookupLinkIsASquareWithItsThreeFinderPatterns) {
    const auto qr = EncodeQr("https://dichvucong.khanhhoa.gov.vn/tra-cuu?ma=H32.22333-260310-0001");
    ASSERT_TRUE(qr.HasValue());
    const int size = qr.Value().size;
    EXPECT_EQ((size - 17) % 4, 0) << "a QR side is 17 + 4 × version";
    EXPECT_GE(size, 29);  // 67 bytes at level M need version 4 (33) or more.
    EXPECT_EQ(qr.Value().dark.size(), static_cast<std::size_t>(size * size));
    EXPECT_TRUE(IsFinder(qr.Value(), 0, 0));
    EXPECT_TRUE(IsFinder(qr.Value(), 0, size - 7));
    EXPECT_TRUE(IsFinder(qr.Value(), size - 7, 0));
    EXPECT_FALSE(IsFinder(qr.Value(), size - 7, size - 7));
}

TEST(QrCodeTest, LongerTextNeedsALargerSymbolAndTooLongIsRefused) {
    const auto small = EncodeQr("H32");
    const auto large = EncodeQr(std::string(400, 'x'));
    ASSERT_TRUE(small.HasValue());
    ASSERT_TRUE(large.HasValue());
    EXPECT_EQ(small.Value().size, 21);  // Version 1.
    EXPECT_GT(large.Value().size, small.Value().size);
    const auto too_long = EncodeQr(std::string(5000, 'x'));  // Version 40-M holds 2,331 bytes.
    ASSERT_FALSE(too_long.HasValue());
    EXPECT_EQ(too_long.GetError().code, "qr_too_long");
}

}  // namespace
}  // namespace motcua::reporting::render
