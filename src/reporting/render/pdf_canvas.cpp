#include "reporting/render/pdf_canvas.hpp"

#include <algorithm>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

namespace motcua::reporting::render {
namespace {

constexpr const char* kFamily = "Noto Serif";
constexpr double kCellPadding = 3.0;
constexpr double kQuietModules = 4.0;  // The blank border a QR reader needs.

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

double FromPango(int units) { return static_cast<double>(units) / PANGO_SCALE; }
int ToPango(double points) { return static_cast<int>(points * PANGO_SCALE); }

PangoAlignment AlignmentOf(TextAlign align) {
    switch (align) {
        case TextAlign::kCenter:
            return PANGO_ALIGN_CENTER;
        case TextAlign::kRight:
            return PANGO_ALIGN_RIGHT;
        case TextAlign::kLeft:
            break;
    }
    return PANGO_ALIGN_LEFT;
}

}  // namespace

// LeakSanitizer (the sanitized debug build) reads its suppressions from this hook. fontconfig keeps
// its configuration and font caches for the life of the process and frees them only in FcFini,
// which Pango's per-thread font maps never let happen: those blocks are the library's.
// NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

struct PdfCanvas::Impl {
    std::string bytes;
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    PangoLayout* layout = nullptr;
    double y = kMargin;
    bool page_used = false;
    int page = 0;

    [[nodiscard]] static double Bottom() { return kPageHeight - kMargin; }

    void NewPage() {
        cairo_show_page(cr);
        ++page;
        y = kMargin;
        page_used = false;
    }

    // Makes room for `height` points: a new page unless the block starts the page already.
    void Reserve(double height) {
        if (y + height > Bottom() && page_used) {
            NewPage();
        }
        page_used = true;
    }

    // Sets the shared layout up for `text` in `style`, `width` points wide; returns its height.
    double Lay(std::string_view text, const TextStyle& style, double width,
               int most_lines = 0) const {
        PangoFontDescription* font = pango_font_description_new();
        pango_font_description_set_family_static(font, kFamily);
        pango_font_description_set_size(font, ToPango(style.size));
        pango_font_description_set_weight(font,
                                          style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_style(font,
                                         style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        pango_layout_set_font_description(layout, font);
        pango_font_description_free(font);
        pango_layout_set_width(layout, ToPango(width));
        pango_layout_set_alignment(layout, AlignmentOf(style.align));
        pango_layout_set_height(layout, most_lines > 0 ? -most_lines : -1);
        pango_layout_set_ellipsize(layout,
                                   most_lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
        if (style.upper) {
            gchar* upper = g_utf8_strup(text.data(), static_cast<gssize>(text.size()));
            pango_layout_set_text(layout, upper, -1);
            g_free(upper);
        } else {
            pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
        }
        int layout_width = 0;
        int layout_height = 0;
        pango_layout_get_size(layout, &layout_width, &layout_height);
        return FromPango(layout_height);
    }

    void Show(double x, double top) const {
        cairo_move_to(cr, x, top);
        pango_cairo_show_layout(cr, layout);
    }
};

PdfCanvas::PdfCanvas(const PdfMetadata& metadata) : impl_(std::make_unique<Impl>()) {
    auto& s = *impl_;
    s.surface = cairo_pdf_surface_create_for_stream(Append, &s.bytes, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(s.surface, CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
    cairo_pdf_surface_set_metadata(s.surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject.c_str());
    cairo_pdf_surface_set_metadata(s.surface, CAIRO_PDF_METADATA_CREATOR, "MotCua");
    // Given, so that the same form printed twice is the same file.
    cairo_pdf_surface_set_metadata(s.surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                   metadata.created_at.c_str());
    cairo_pdf_surface_set_metadata(s.surface, CAIRO_PDF_METADATA_MOD_DATE,
                                   metadata.created_at.c_str());
    s.cr = cairo_create(s.surface);
    s.layout = pango_cairo_create_layout(s.cr);
    PangoContext* context = pango_layout_get_context(s.layout);
    pango_cairo_context_set_resolution(context, 72.0);  // Font sizes in points = user units.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_layout_context_changed(s.layout);
    pango_layout_set_wrap(s.layout, PANGO_WRAP_WORD_CHAR);
    // No hyphen added where a long word is broken: the text layer keeps the words as written.
    PangoAttrList* attributes = pango_attr_list_new();
    pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(s.layout, attributes);
    pango_attr_list_unref(attributes);
    cairo_set_source_rgb(s.cr, 0, 0, 0);
}

PdfCanvas::~PdfCanvas() {
    auto& s = *impl_;
    if (s.layout != nullptr) {
        g_object_unref(s.layout);
    }
    if (s.cr != nullptr) {
        cairo_destroy(s.cr);
    }
    if (s.surface != nullptr) {
        cairo_surface_destroy(s.surface);
    }
}

void PdfCanvas::Paragraph(std::string_view text, const TextStyle& style, double space_after) {
    auto& s = *impl_;
    s.Lay(text, style, ContentWidth());
    // Line by line, so that a long paragraph goes on over the page.
    PangoLayoutIter* iter = pango_layout_get_iter(s.layout);
    double shift = 0;  // Layout coordinate of the current page's first line.
    bool first = true;
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        const double top = FromPango(logical.y);
        const double height = FromPango(logical.height);
        if (first || s.y + (top - shift) + height > Impl::Bottom()) {
            if (!first) {
                s.y += top - shift;
            }
            s.Reserve(height);
            shift = top;
            first = false;
        }
        const double baseline = FromPango(pango_layout_iter_get_baseline(iter));
        cairo_move_to(s.cr, kMargin + FromPango(logical.x), s.y + baseline - shift);
        pango_cairo_show_layout_line(s.cr, pango_layout_iter_get_line_readonly(iter));
        if (!pango_layout_iter_next_line(iter)) {
            s.y += top + height - shift;
            break;
        }
    } while (true);
    pango_layout_iter_free(iter);
    s.y += space_after;
}

void PdfCanvas::Columns(
    const std::vector<std::pair<double, std::vector<std::pair<std::string, TextStyle>>>>& columns,
    double space_after) {
    auto& s = *impl_;
    double tallest = 0;
    for (const auto& [width, paragraphs] : columns) {
        double height = 0;
        for (const auto& [text, style] : paragraphs) {
            height += s.Lay(text, style, width);
        }
        tallest = std::max(tallest, height);
    }
    s.Reserve(tallest);
    double x = kMargin;
    for (const auto& [width, paragraphs] : columns) {
        double top = s.y;
        for (const auto& [text, style] : paragraphs) {
            const double height = s.Lay(text, style, width);
            s.Show(x, top);
            top += height;
        }
        x += width;
    }
    s.y += tallest + space_after;
}

void PdfCanvas::Table(const std::vector<double>& widths, const std::vector<TableCell>& header,
                      const std::vector<std::vector<TableCell>>& rows, double space_after) {
    auto& s = *impl_;
    const auto row_height = [&](const std::vector<TableCell>& cells) {
        double tallest = 0;
        for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
            tallest = std::max(tallest, s.Lay(cells[i].text, cells[i].style,
                                              widths[i] - 2 * kCellPadding, kMostCellLines));
        }
        return tallest + 2 * kCellPadding;
    };
    const auto draw_row = [&](const std::vector<TableCell>& cells, double height) {
        double x = kMargin;
        cairo_set_line_width(s.cr, 0.5);
        for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
            s.Lay(cells[i].text, cells[i].style, widths[i] - 2 * kCellPadding, kMostCellLines);
            s.Show(x + kCellPadding, s.y + kCellPadding);
            cairo_rectangle(s.cr, x, s.y, widths[i], height);
            cairo_stroke(s.cr);
            x += widths[i];
        }
        s.y += height;
    };
    const double header_height = row_height(header);
    s.Reserve(header_height + (rows.empty() ? 0 : row_height(rows.front())));
    draw_row(header, header_height);
    for (const auto& row : rows) {
        const double height = row_height(row);
        if (s.y + height > Impl::Bottom()) {
            s.NewPage();
            s.page_used = true;
            draw_row(header, header_height);
        }
        draw_row(row, height);
    }
    s.y += space_after;
}

void PdfCanvas::QrWithCaption(const QrMatrix& qr, double side,
                              const std::vector<std::pair<std::string, TextStyle>>& caption) {
    auto& s = *impl_;
    const double gap = 12.0;
    const double text_width = ContentWidth() - side - gap;
    double caption_height = 0;
    for (const auto& [text, style] : caption) {
        caption_height += s.Lay(text, style, text_width);
    }
    s.Reserve(std::max(side, caption_height));
    // White under the whole symbol with its quiet zone, then the dark modules.
    cairo_set_source_rgb(s.cr, 1, 1, 1);
    cairo_rectangle(s.cr, kMargin, s.y, side, side);
    cairo_fill(s.cr);
    cairo_set_source_rgb(s.cr, 0, 0, 0);
    const double module = side / (qr.size + 2 * kQuietModules);
    for (int row = 0; row < qr.size; ++row) {
        for (int column = 0; column < qr.size; ++column) {
            if (qr.At(row, column)) {
                cairo_rectangle(s.cr, kMargin + (column + kQuietModules) * module,
                                s.y + (row + kQuietModules) * module, module, module);
            }
        }
    }
    cairo_fill(s.cr);
    double top = s.y + kQuietModules * module;
    for (const auto& [text, style] : caption) {
        const double height = s.Lay(text, style, text_width);
        s.Show(kMargin + side + gap, top);
        top += height;
    }
    s.y += std::max(side, top - s.y) + 4.0;
}

void PdfCanvas::Space(double points) { impl_->y += points; }

void PdfCanvas::NewPage() { impl_->NewPage(); }

double PdfCanvas::CursorY() const { return impl_->y; }

int PdfCanvas::PageIndex() const { return impl_->page; }

Outcome<std::string> PdfCanvas::Finish() {
    auto& s = *impl_;
    cairo_show_page(s.cr);
    g_object_unref(s.layout);
    s.layout = nullptr;
    cairo_destroy(s.cr);
    s.cr = nullptr;
    cairo_surface_finish(s.surface);
    const cairo_status_t status = cairo_surface_status(s.surface);
    cairo_surface_destroy(s.surface);
    s.surface = nullptr;
    if (status != CAIRO_STATUS_SUCCESS) {
        return MakeError(ErrorKind::kUnavailable, "render_failed");
    }
    return std::move(s.bytes);
}

}  // namespace motcua::reporting::render
