// PdfCanvas: an A4 PDF laid out top to bottom, the one place that speaks to cairo and Pango.
// Text is shaped by Pango (HarfBuzz) in Noto Serif found through fontconfig, so that Vietnamese
// letters with two diacritics (ệ, ổ, ữ…) come out as the font's own glyphs; cairo embeds the subset
// of each font used and writes a ToUnicode map, so that the text layer reads back (pdftotext).
// Blocks that do not fit the rest of the page start a new one. The output depends only on what is
// drawn: the creation date is given, never the clock's.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/outcome.hpp"
#include "reporting/render/qr_code.hpp"

namespace motcua::reporting::render {

enum class TextAlign { kLeft, kCenter, kRight };

struct TextStyle {
    double size = 12.0;  // Points.
    bool bold = false;
    bool italic = false;
    TextAlign align = TextAlign::kLeft;
    bool upper = false;  // In capitals (Unicode case mapping: "Giấy" → "GIẤY").
};

/// One cell of a table row; rows are as tall as their tallest cell (at most kMostCellLines
/// lines; a longer text ends in "…").
struct TableCell {
    std::string text;
    TextStyle style{.size = 10.0};
};

struct PdfMetadata {
    std::string title;
    std::string subject;
    /// ISO 8601 ("2026-11-26T14:05:00+07:00"); the creation and modification date of the file.
    std::string created_at;
};

class PdfCanvas {
public:
    static constexpr double kPageWidth = 595.276;  // A4 in points.
    static constexpr double kPageHeight = 841.89;
    static constexpr double kMargin = 56.7;  // 2 cm.
    static constexpr int kMostCellLines = 24;

    explicit PdfCanvas(const PdfMetadata& metadata);
    ~PdfCanvas();
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;

    /// The width between the margins, in points.
    [[nodiscard]] static double ContentWidth() { return kPageWidth - 2 * kMargin; }

    /// A paragraph across the content width (wrapped at words), then `space_after` points.
    void Paragraph(std::string_view text, const TextStyle& style, double space_after = 4.0);
    /// Paragraphs side by side in columns of the given widths (points), starting together; the
    /// cursor moves below the tallest.
    void Columns(const std::vector<
                     std::pair<double, std::vector<std::pair<std::string, TextStyle>>>>& columns,
                 double space_after = 8.0);
    /// A ruled table: the header row is repeated on a new page.
    void Table(const std::vector<double>& widths, const std::vector<TableCell>& header,
               const std::vector<std::vector<TableCell>>& rows, double space_after = 8.0);
    /// A QR code `side` points wide at the left margin, with `caption` lines beside it.
    void QrWithCaption(const QrMatrix& qr, double side,
                       const std::vector<std::pair<std::string, TextStyle>>& caption);
    void Space(double points);
    /// Ends the page; what is drawn next starts a new one.
    void NewPage();
    /// Where the next block starts: points from the top of the page, and the page (0 first).
    [[nodiscard]] double CursorY() const;
    [[nodiscard]] int PageIndex() const;

    /// Finishes the document and returns the PDF file's bytes, or kUnavailable "render_failed"
    /// when cairo could not write it (out of memory).
    Outcome<std::string> Finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::reporting::render
