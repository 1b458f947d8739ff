// Sample uploads for tests: small valid PDFs built object by object with a correct
// cross-reference table (qpdf opens them without repair), and the headers of PNG and JPEG images
// declaring a given size.
//   const std::string pdf = testing::BlankPdf(3, "scan of TP1");  // Three blank A4 pages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::testing {

/// A PDF of `objects`, numbered from 1 (object 1 is the catalogue); `comment` follows the header.
inline std::string PdfOf(const std::vector<std::string>& objects, std::string_view comment = "") {
    std::string pdf = "%PDF-1.7\n%" + std::string(comment) + "\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const auto offset : offsets) {
        const std::string number = std::to_string(offset);
        pdf += std::string(10 - number.size(), '0') + number + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

/// The objects of a document of `pages` blank A4 pages: catalogue 1, page tree 2, pages from 3.
inline std::vector<std::string> BlankPageObjects(std::size_t pages) {
    std::string kids;
    for (std::size_t i = 0; i < pages; ++i) {
        kids += (i == 0 ? "" : " ") + std::to_string(i + 3) + " 0 R";
    }
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>"};
    for (std::size_t i = 0; i < pages; ++i) {
        objects.emplace_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
    }
    return objects;
}

/// A PDF of `pages` blank A4 pages; distinct labels make distinct files.
inline std::string BlankPdf(std::size_t pages, std::string_view label = "") {
    return PdfOf(BlankPageObjects(pages), label);
}

/// A stream object: `entries` of its dictionary (without /Length) and its `data`.
inline std::string StreamObject(std::string_view entries, std::string_view data) {
    return "<< " + std::string(entries) + " /Length " + std::to_string(data.size()) +
           " >>\nstream\n" + std::string(data) + "\nendstream";
}

inline std::string BigEndian(std::uint32_t value, int size) {
    std::string bytes;
    for (int i = size - 1; i >= 0; --i) {
        bytes += static_cast<char>((value >> (8 * i)) & 0xFF);
    }
    return bytes;
}

/// A PNG's signature and IHDR chunk (8-bit RGB) declaring `width` × `height`.
inline std::string PngHeader(std::uint32_t width, std::uint32_t height) {
    const std::string chunk =
        "IHDR" + BigEndian(width, 4) + BigEndian(height, 4) + std::string("\x08\x02\0\0\0", 5);
    std::uint32_t crc = 0xFFFFFFFF;
    for (const char c : chunk) {
        crc ^= static_cast<unsigned char>(c);
        for (int k = 0; k < 8; ++k) {
            crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
    }
    return std::string("\x89PNG\r\n\x1a\n", 8) + BigEndian(13, 4) + chunk + BigEndian(~crc, 4);
}

/// A JPEG's start: SOI, an APP0 (JFIF) segment, then a baseline frame header (SOF0) declaring
/// `width` × `height` with three components.
inline std::string JpegHeader(std::uint32_t width, std::uint32_t height) {
    std::string jpeg("\xFF\xD8\xFF\xE0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 20);
    jpeg += std::string("\xFF\xC0\x00\x11\x08", 5) + BigEndian(height, 2) + BigEndian(width, 2);
    jpeg += std::string("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
    return jpeg;
}

}  // namespace motcua::testing
