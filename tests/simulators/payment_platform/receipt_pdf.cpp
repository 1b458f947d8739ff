// cairo's "toy" text API is enough for one page of left-aligned lines: fontconfig finds DejaVu
// Sans, which has every Vietnamese letter, and cairo embeds the subset used, so that pdftotext
// reads the text back.
#include "simulators/payment_platform/receipt_pdf.hpp"

#include <array>
#include <vector>

#include <boost/json.hpp>
#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include "simulators/payment_platform/text.hpp"

namespace motcua::sim::payment_platform {
namespace {

namespace json = boost::json;

constexpr double kPageWidth = 595.0;  // A4 in points.
constexpr double kPageHeight = 842.0;
constexpr double kMargin = 50.0;
constexpr std::size_t kLongestLine = 110;  // Bytes; the rest of a longer value is cut.
constexpr std::size_t kMostFeeItems = 20;

struct Line {
    std::string text;
    double size = 11.0;
    bool bold = false;
};

std::string Field(const json::object& object, std::string_view name) {
    const json::value* value = object.if_contains(name);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

std::vector<Line> ReceiptLines(const Transaction& transaction, std::string_view partner_code) {
    const json::object& receipt = transaction.receipt;
    std::vector<Line> lines = {
        {.text = "BIÊN LAI THU PHÍ, LỆ PHÍ", .size = 18.0, .bold = true},
        {.text = "Receipt of fees and charges (payment platform simulator)", .size = 10.0},
        {.text = ""},
        {.text = "Mã tham chiếu (MaThamChieu): " + transaction.reference},
        {.text = "Mã giao dịch (MaGiaoDich): " + transaction.transaction_id},
        {.text = "Đối tác (MaDoiTac): " + std::string(partner_code)},
        {.text = "Thời gian (ThoiGianGD): " + transaction.settled_gd},
        {.text = "Số tiền (SoTien): " + FormatDong(transaction.amount_vnd), .bold = true},
        {.text = "Nội dung: " + transaction.info},
        {.text = "Người nộp: " + Field(receipt, "HoTenNguoiNop")},
        {.text = "Thủ tục: " + Field(receipt, "TenTTHC")},
        {.text = "Hồ sơ: " + Field(receipt, "MaHoSo")},
        {.text = "Đơn vị: " + Field(receipt, "TenDonVi")},
        {.text = ""},
        {.text = "Các khoản phí, lệ phí (fee items):", .bold = true},
    };
    const json::value* fees = receipt.if_contains("PhiLePhi");
    if (fees != nullptr && fees->is_array()) {
        for (std::size_t i = 0; i < fees->get_array().size() && i < kMostFeeItems; ++i) {
            const json::value& fee = fees->get_array()[i];
            if (!fee.is_object()) {
                continue;
            }
            const std::string kind =
                Field(fee.get_object(), "LoaiPhiLePhi") == "2" ? "Lệ phí" : "Phí";
            lines.push_back({.text = "- " + kind + " " + Field(fee.get_object(), "TenPhiLePhi") +
                                     ": " + Field(fee.get_object(), "SoTien") + " đồng"});
        }
    }
    for (Line& line : lines) {
        line.text = CutUtf8(line.text, kLongestLine);
    }
    return lines;
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string Render(const std::vector<Line>& lines) {
    std::string pdf;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(Append, &pdf, kPageWidth, kPageHeight);
    cairo_t* cairo = cairo_create(surface);
    double y = kMargin + 20.0;
    for (const Line& line : lines) {
        cairo_select_font_face(cairo, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               line.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cairo, line.size);
        cairo_move_to(cairo, kMargin, y);
        cairo_show_text(cairo, line.text.c_str());
        y += line.size * 1.6;
    }
    cairo_show_page(cairo);
    cairo_destroy(cairo);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return pdf;
}

}  // namespace

std::string ReceiptPdf(const Transaction& transaction, std::string_view partner_code) {
    return Render(ReceiptLines(transaction, partner_code));
}

void ReleaseReceiptFonts() {
    cairo_debug_reset_static_data();
    FcFini();
}

}  // namespace motcua::sim::payment_platform
