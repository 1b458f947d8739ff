// PdfInspection: what the server checks in an uploaded PDF before it keeps it. qpdf must open it
// and find at least one page; the page tree must stay within a page limit; and the document's
// streams, decoded, must stay within a byte limit (a "PDF bomb" is a few kilobytes of
// FlateDecode that inflate to gigabytes). Nothing decoded is kept: bytes are only counted, and
// counting stops just past the limit.
//   auto report = InspectPdf(bytes, {.max_pages = 500, .max_expanded_bytes = 512 << 20});
//   if (report.verdict != PdfVerdict::kReadable) { /* refuse, report.detail says why */ }
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/outcome.hpp"
#include "common/spooled_file.hpp"

namespace motcua::signing {

struct PdfLimits {
    std::size_t max_pages = 500;
    /// Decoded bytes of all the document's streams together.
    std::uint64_t max_expanded_bytes = std::uint64_t{512} << 20;
    /// Width × height of one image the document declares (0: not checked).
    std::uint64_t max_image_pixels = 100'000'000;
};

enum class PdfVerdict {
    kReadable,           // qpdf opens it, it has pages, and it is within every limit.
    kUnreadable,         // qpdf cannot open it (even repairing it), or it has no page.
    kTooManyPages,       // More than max_pages pages, or a page tree larger than they need.
    kDecompressionBomb,  // Its streams decode to more than max_expanded_bytes, or an image
                         // declares more than max_image_pixels.
};

struct PdfInspection {
    PdfVerdict verdict = PdfVerdict::kUnreadable;
    std::size_t pages = 0;             // Counted up to max_pages + 1.
    std::uint64_t expanded_bytes = 0;  // Decoded stream bytes counted (stops past the limit).
    std::string detail;                // Why it was refused, in English (for the error detail).
};

/// Inspects the PDF in `pdf`.
PdfInspection InspectPdf(std::string_view pdf, const PdfLimits& limits);
/// Inspects the PDF in `slice` (a spooled upload's part), reading it from disk as it goes.
/// Errors: kUnavailable when the file cannot be opened or read.
Outcome<PdfInspection> InspectPdf(const FileSlice& slice, const PdfLimits& limits);
/// Inspects the PDF file at `path`. Errors as for a slice.
Outcome<PdfInspection> InspectPdfFile(const std::filesystem::path& path, const PdfLimits& limits);

}  // namespace motcua::signing
