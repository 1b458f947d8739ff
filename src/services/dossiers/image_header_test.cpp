#include "services/dossiers/image_header.hpp"

#include <string>

#include <gtest/gtest.h>

#include "support/sample_files.hpp"

namespace motcua::services {
namespace {

using motcua::testing::JpegHeader;
using motcua::testing::PngHeader;

TEST(ImageHeader, ReadsThePngSizeFromIhdr) {
    const auto size = ReadImageSize(ImageFormat::kPng, PngHeader(2480, 3508) + "IDAT...");
    ASSERT_TRUE(size);
    EXPECT_EQ(size->width, 2480u);
    EXPECT_EQ(size->height, 3508u);
    EXPECT_EQ(size->Pixels(), 2480u * 3508u);
    // 50 000 × 50 000 pixels declared in 33 bytes: read, and left to the caller's limit.
    EXPECT_EQ(ReadImageSize(ImageFormat::kPng, PngHeader(50'000, 50'000))->Pixels(),
              2'500'000'000u);
}

TEST(ImageHeader, RefusesAPngHeaderItCannotRead) {
    const std::string good = PngHeader(10, 10);
    EXPECT_FALSE(ReadImageSize(ImageFormat::kPng, good.substr(0, 20)));  // Truncated.
    std::string not_ihdr = good;
    not_ihdr.replace(12, 4, "IDAT");
    EXPECT_FALSE(ReadImageSize(ImageFormat::kPng, not_ihdr));
    EXPECT_FALSE(ReadImageSize(ImageFormat::kPng, PngHeader(0, 10)));
    EXPECT_FALSE(ReadImageSize(ImageFormat::kPng, PngHeader(0x80000000, 10)));
    EXPECT_FALSE(ReadImageSize(ImageFormat::kPng, std::string("\x89PNG\r\n\x1a\n", 8)));
}

TEST(ImageHeader, ReadsTheJpegSizeFromTheFrameHeader) {
    const auto size = ReadImageSize(ImageFormat::kJpeg, JpegHeader(1240, 1754));
    ASSERT_TRUE(size);
    EXPECT_EQ(size->width, 1240u);
    EXPECT_EQ(size->height, 1754u);

    // After a large APP1 (EXIF) segment and an APP2 beyond the first 64 KiB window, with fill
    // bytes before a marker and a progressive frame (SOF2).
    const std::string start = JpegHeader(1, 1).substr(0, 20);  // SOI and APP0.
    const std::string app1 = std::string("\xFF\xE1\xFF\xF0", 4) + std::string(0xFFF0 - 2, 'x');
    const std::string app2 = std::string("\xFF\xFF\xFF\xE2\x00\x10", 6) + std::string(14, 'y');
    std::string frame = JpegHeader(4000, 3000).substr(20);
    frame[1] = '\xC2';
    const auto later = ReadImageSize(ImageFormat::kJpeg, start + app1 + app1 + app2 + frame);
    ASSERT_TRUE(later);
    EXPECT_EQ(later->width, 4000u);
    EXPECT_EQ(later->height, 3000u);

    // DHT (C4) is no frame header.
    const std::string dht = std::string("\xFF\xC4\x00\x04\x00\x00", 6);
    EXPECT_EQ(ReadImageSize(ImageFormat::kJpeg, start + dht + frame)->width, 4000u);
}

TEST(ImageHeader, RefusesAJpegHeaderItCannotRead) {
    const std::string good = JpegHeader(640, 480);
    EXPECT_FALSE(ReadImageSize(ImageFormat::kJpeg, good.substr(0, 27)));  // Cut in the frame.
    EXPECT_FALSE(ReadImageSize(ImageFormat::kJpeg, good.substr(0, 20)));  // No frame header.
    // The scan (SOS) or the end (EOI) before any frame header.
    EXPECT_FALSE(
        ReadImageSize(ImageFormat::kJpeg, good.substr(0, 20) + std::string("\xFF\xDA\x00\x02", 4)));
    EXPECT_FALSE(ReadImageSize(ImageFormat::kJpeg, good.substr(0, 20) + "\xFF\xD9"));
    // A segment length that points into garbage.
    EXPECT_FALSE(
        ReadImageSize(ImageFormat::kJpeg, good.substr(0, 4) + std::string("\x00\x01JFIF", 6)));
    EXPECT_FALSE(ReadImageSize(ImageFormat::kJpeg, good.substr(0, 20) + "garbage"));
    EXPECT_FALSE(ReadImageSize(ImageFormat::kJpeg, JpegHeader(0, 480)));
    EXPECT_FALSE(ReadImageSize(ImageFormat::kJpeg, "\xFF\xD8"));
    EXPECT_FALSE(ReadImageSize(ImageFormat::kJpeg, ""));
}

TEST(ImageHeader, PassesOnTheReadersErrors) {
    const ReadBytes failing = [](std::uint64_t, std::size_t) -> Outcome<std::string> {
        return MakeError(ErrorKind::kUnavailable, "unavailable");
    };
    EXPECT_FALSE(ReadImageSize(ImageFormat::kJpeg, failing).HasValue());
    EXPECT_FALSE(ReadImageSize(ImageFormat::kPng, failing).HasValue());
}

}  // namespace
}  // namespace motcua::services
