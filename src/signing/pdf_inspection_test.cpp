#include "signing/pdf_inspection.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include "support/sample_files.hpp"

namespace motcua::signing {
namespace {

namespace fs = std::filesystem;
using motcua::testing::BlankPageObjects;
using motcua::testing::BlankPdf;
using motcua::testing::PdfOf;
using motcua::testing::StreamObject;

constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;

// `zeros` zero bytes deflated by zlib, a megabyte at a time (never the whole input at once).
std::string DeflatedZeros(std::uint64_t zeros) {
    const std::vector<unsigned char> block(kMiB, 0);
    std::vector<unsigned char> out(kMiB);
    std::string deflated;
    z_stream zlib{};
    EXPECT_EQ(deflateInit(&zlib, Z_BEST_COMPRESSION), Z_OK);
    for (std::uint64_t left = zeros;;) {
        const auto take = static_cast<uInt>(std::min<std::uint64_t>(left, block.size()));
        left -= take;
        zlib.next_in = const_cast<unsigned char*>(block.data());
        zlib.avail_in = take;
        const int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            zlib.next_out = out.data();
            zlib.avail_out = static_cast<uInt>(out.size());
            deflate(&zlib, flush);
            deflated.append(reinterpret_cast<const char*>(out.data()), out.size() - zlib.avail_out);
        } while (zlib.avail_out == 0);
        if (left == 0) {
            break;
        }
    }
    deflateEnd(&zlib);
    return deflated;
}

// A one-page PDF whose page content is `stream_entries` over `data`.
std::string PdfWithContent(std::string_view stream_entries, std::string_view data) {
    auto objects = BlankPageObjects(1);
    objects[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>";
    objects.push_back(StreamObject(stream_entries, data));
    return PdfOf(objects);
}

PdfLimits Limits(std::size_t pages, std::uint64_t bytes) {
    return {.max_pages = pages, .max_expanded_bytes = bytes, .max_image_pixels = 100'000'000};
}

TEST(PdfInspection, CountsThePagesOfAReadableDocument) {
    const auto one = InspectPdf(BlankPdf(1), Limits(500, 512 * kMiB));
    EXPECT_EQ(one.verdict, PdfVerdict::kReadable) << one.detail;
    EXPECT_EQ(one.pages, 1u);
    const auto many = InspectPdf(BlankPdf(12), Limits(500, 512 * kMiB));
    EXPECT_EQ(many.verdict, PdfVerdict::kReadable) << many.detail;
    EXPECT_EQ(many.pages, 12u);
    // A modest Flate stream is counted and accepted.
    const auto content = InspectPdf(PdfWithContent("/Filter /FlateDecode", DeflatedZeros(100'000)),
                                    Limits(500, kMiB));
    EXPECT_EQ(content.verdict, PdfVerdict::kReadable) << content.detail;
    EXPECT_GE(content.expanded_bytes, 100'000u);
}

TEST(PdfInspection, RefusesMorePagesThanTheLimit) {
    const auto report = InspectPdf(BlankPdf(6), Limits(5, 512 * kMiB));
    EXPECT_EQ(report.verdict, PdfVerdict::kTooManyPages);
    EXPECT_EQ(report.pages, 6u);
    EXPECT_EQ(InspectPdf(BlankPdf(5), Limits(5, 512 * kMiB)).verdict, PdfVerdict::kReadable);
}

TEST(PdfInspection, RefusesAHugePageTreeWithoutWalkingAllOfIt) {
    // One page, but a page tree whose /Kids names the same empty branch 100 000 times.
    std::string kids;
    for (int i = 0; i < 100'000; ++i) {
        kids += " 4 0 R";
    }
    auto objects = BlankPageObjects(1);
    objects[1] = "<< /Type /Pages /Kids [3 0 R" + kids + "] /Count 1 >>";
    objects.emplace_back("<< /Type /Pages /Kids [] /Count 0 >>");
    const auto report = InspectPdf(PdfOf(objects), Limits(500, 512 * kMiB));
    EXPECT_EQ(report.verdict, PdfVerdict::kTooManyPages) << report.detail;
    EXPECT_NE(report.detail.find("page tree"), std::string::npos);
}

TEST(PdfInspection, RefusesAFlateBombWithoutInflatingItAll) {
    // 64 KiB of Flate that inflate to 64 MiB, against a 16 MiB limit.
    const std::string bomb = DeflatedZeros(64 * kMiB);
    ASSERT_LT(bomb.size(), 128u << 10);
    const auto report =
        InspectPdf(PdfWithContent("/Filter /FlateDecode", bomb), Limits(500, 16 * kMiB));
    EXPECT_EQ(report.verdict, PdfVerdict::kDecompressionBomb);
    EXPECT_GT(report.expanded_bytes, 16 * kMiB);
    EXPECT_LT(report.expanded_bytes, 17 * kMiB);  // Stopped just past the limit.
}

TEST(PdfInspection, RefusesABombInTheCrossReferenceStreamBeforeQpdfReadsIt) {
    // qpdf inflates a cross-reference stream into memory as it opens the file, unmetered: the
    // scan of the raw file must refuse it first.
    auto objects = BlankPageObjects(1);
    std::string pdf = PdfOf(objects);
    pdf.resize(pdf.find("xref\n"));
    const std::size_t xref_at = pdf.size();
    pdf += "4 0 obj\n" +
           StreamObject("/Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode",
                        DeflatedZeros(64 * kMiB)) +
           "\nendobj\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
    const auto report = InspectPdf(pdf, Limits(500, 16 * kMiB));
    EXPECT_EQ(report.verdict, PdfVerdict::kDecompressionBomb);
    EXPECT_NE(report.detail.find("inflate"), std::string::npos) << report.detail;
    EXPECT_LT(report.expanded_bytes, 17 * kMiB);
}

TEST(PdfInspection, CountsAllStreamsTogether) {
    // Three streams of 6 MiB each: none over 16 MiB alone, 18 MiB together.
    auto objects = BlankPageObjects(1);
    const std::string part = DeflatedZeros(6 * kMiB);
    for (int i = 0; i < 3; ++i) {
        objects.push_back(StreamObject("/Filter /FlateDecode", part));
    }
    const auto report = InspectPdf(PdfOf(objects), Limits(500, 16 * kMiB));
    EXPECT_EQ(report.verdict, PdfVerdict::kDecompressionBomb);
}

TEST(PdfInspection, DecodesFilterChainsThroughQpdf) {
    // Flate under ASCIIHex and RunLength are no zlib data in the file: only qpdf's decoding,
    // through the counting pipeline, sees what they expand to.
    const std::string flate = DeflatedZeros(8 * kMiB);
    std::string hex;
    for (const char c : flate) {
        constexpr const char* kDigits = "0123456789ABCDEF";
        hex += kDigits[static_cast<unsigned char>(c) >> 4];
        hex += kDigits[static_cast<unsigned char>(c) & 0x0F];
    }
    hex += '>';
    const auto chained = InspectPdf(PdfWithContent("/Filter [/ASCIIHexDecode /FlateDecode]", hex),
                                    Limits(500, 4 * kMiB));
    EXPECT_EQ(chained.verdict, PdfVerdict::kDecompressionBomb) << chained.detail;

    // RunLength: 2 bytes repeat one byte 128 times.
    std::string run_length;
    for (int i = 0; i < 40'000; ++i) {
        run_length += "\x81";
        run_length += 'A';
    }
    run_length += '\x80';
    const auto runs =
        InspectPdf(PdfWithContent("/Filter /RunLengthDecode", run_length), Limits(500, kMiB));
    EXPECT_EQ(runs.verdict, PdfVerdict::kDecompressionBomb) << runs.detail;
}

TEST(PdfInspection, RefusesAnImageDeclaringTooManyPixels) {
    auto objects = BlankPageObjects(1);
    objects.push_back(StreamObject(
        "/Type /XObject /Subtype /Image /Width 20000 /Height 20000 /ColorSpace /DeviceGray "
        "/BitsPerComponent 8 /Filter /DCTDecode",
        "not really a JPEG"));
    const auto report = InspectPdf(PdfOf(objects), Limits(500, 512 * kMiB));
    EXPECT_EQ(report.verdict, PdfVerdict::kDecompressionBomb);
    EXPECT_NE(report.detail.find("400000000 pixels"), std::string::npos) << report.detail;
}

TEST(PdfInspection, RefusesWhatQpdfCannotReadOrWhatHasNoPage) {
    const PdfLimits limits = Limits(500, 512 * kMiB);
    EXPECT_EQ(InspectPdf("", limits).verdict, PdfVerdict::kUnreadable);
    EXPECT_EQ(InspectPdf("%PDF-1.7\n% only a header\n%%EOF\n", limits).verdict,
              PdfVerdict::kUnreadable);
    EXPECT_EQ(InspectPdf("%PDF-1.4\n\x7f"
                         "ELF\x02\x01\x01 an executable",
                         limits)
                  .verdict,
              PdfVerdict::kUnreadable);
    const auto empty = InspectPdf(BlankPdf(0), limits);
    EXPECT_EQ(empty.verdict, PdfVerdict::kUnreadable);
    EXPECT_EQ(empty.detail, "no page");
    // A damaged cross-reference table is repaired by qpdf, and the document is read.
    std::string damaged = BlankPdf(2);
    damaged.replace(damaged.find("startxref\n") + 10, 1, "9");
    EXPECT_EQ(InspectPdf(damaged, limits).verdict, PdfVerdict::kReadable);
}

TEST(PdfInspection, ReadsASliceOfAFileOnDisk) {
    const fs::path path = fs::temp_directory_path() /
                          ("motcua-pdf-inspection-" + std::to_string(::getpid()) + ".part");
    const std::string pdf = BlankPdf(3);
    const std::string bomb = PdfWithContent("/Filter /FlateDecode", DeflatedZeros(8 * kMiB));
    {
        // As a multipart body spools it: other bytes before and after each part.
        std::ofstream out(path, std::ios::binary);
        out << "--boundary\r\n\r\n" << pdf << "\r\n--boundary\r\n\r\n" << bomb << "\r\n--b--";
    }
    const std::uint64_t first = 14;
    const std::uint64_t second = first + pdf.size() + 16;
    auto read = InspectPdf(FileSlice{path, first, pdf.size()}, Limits(500, kMiB));
    ASSERT_TRUE(read.HasValue());
    EXPECT_EQ(read.Value().verdict, PdfVerdict::kReadable) << read.Value().detail;
    EXPECT_EQ(read.Value().pages, 3u);
    auto refused = InspectPdf(FileSlice{path, second, bomb.size()}, Limits(500, kMiB));
    ASSERT_TRUE(refused.HasValue());
    EXPECT_EQ(refused.Value().verdict, PdfVerdict::kDecompressionBomb);
    fs::remove(path);

    auto missing = InspectPdfFile(path, Limits(500, kMiB));
    ASSERT_FALSE(missing.HasValue());
    EXPECT_EQ(missing.GetError().kind, ErrorKind::kUnavailable);
}

}  // namespace
}  // namespace motcua::signing
