#include "reporting/render/receipt_pdf.hpp"

#include <string_view>

#include "reporting/render/form_wording.hpp"
#include "reporting/render/official_heading.hpp"
#include "reporting/render/pdf_canvas.hpp"

namespace motcua::reporting::render {
namespace {

constexpr TextStyle kBody{.size = 11.5};
constexpr TextStyle kHeaderCell{.size = 10.0, .bold = true, .align = TextAlign::kCenter};
constexpr TextStyle kCell{.size = 10.0};
constexpr TextStyle kCenterCell{.size = 10.0, .align = TextAlign::kCenter};
constexpr TextStyle kAmountCell{.size = 10.0, .align = TextAlign::kRight};
constexpr TextStyle kTotalCell{.size = 10.0, .bold = true, .align = TextAlign::kRight};

std::string_view ChannelVi(std::string_view channel) {
    if (channel == "vnpay") {
        return "Trực tuyến qua VNPay";
    }
    if (channel == "payment_platform") {
        return "Trực tuyến qua Nền tảng thanh toán của Cổng Dịch vụ công quốc gia";
    }
    if (channel == "cash") {
        return "Tiền mặt";
    }
    if (channel == "card") {
        return "Thẻ ngân hàng";
    }
    if (channel == "transfer") {
        return "Chuyển khoản";
    }
    return channel;
}

void Field(PdfCanvas& canvas, std::string_view label, const std::string& value) {
    canvas.Paragraph(std::string(label) + ": " + (value.empty() ? "—" : value), kBody, 2.5);
}

void Sheet(PdfCanvas& canvas, const ReceiptPrint& print, const ReceiptSheet& sheet) {
    DrawOfficialHeading(
        canvas, {.issuer = print.agency_name.empty() ? print.agency_code : print.agency_name,
                 .number_line = "Số: " + sheet.number,
                 .date_line = DateLine(print.paid_at),
                 .title = sheet.kind == "charge" ? "Biên lai thu phí" : "Biên lai thu lệ phí",
                 .subtitle = "(Biên lai điện tử)"});
    Field(canvas, "Đơn vị thu", print.agency_name + " (" + print.agency_code + ")");
    Field(canvas, "Người nộp tiền", print.payer_name);
    Field(canvas, "Địa chỉ", print.payer_address);
    Field(canvas, "Mã hồ sơ", print.dossier_code);
    Field(canvas, "Thủ tục hành chính", print.procedure);
    Field(canvas, "Mã thanh toán", print.reference);
    Field(canvas, "Hình thức nộp", std::string(ChannelVi(print.channel)));
    Field(canvas, "Mã giao dịch", print.transaction);
    Field(canvas, "Thời gian nộp", TimeInWords(print.paid_at));
    canvas.Space(6.0);
    std::vector<std::vector<TableCell>> rows;
    rows.reserve(sheet.lines.size() + 1);
    int number = 0;
    for (const auto& line : sheet.lines) {
        rows.push_back({{std::to_string(++number), kCenterCell},
                        {line.code.empty() ? line.name : line.name + " (" + line.code + ")", kCell},
                        {GroupedAmount(line.amount_vnd), kAmountCell}});
    }
    rows.push_back({{"", kCell},
                    {"Tổng cộng", {.size = 10.0, .bold = true}},
                    {GroupedAmount(sheet.total_vnd), kTotalCell}});
    canvas.Table(
        {36, 340, 105},
        {{"STT", kHeaderCell}, {"Khoản thu", kHeaderCell}, {"Số tiền (đồng)", kHeaderCell}}, rows);
    canvas.Paragraph("Số tiền bằng chữ: " + sheet.total_in_words, {.size = 11.5, .italic = true},
                     6.0);
    if (print.refunded_vnd > 0) {
        canvas.Paragraph("Đã hoàn trả " + GroupedAmount(print.refunded_vnd) + " đồng lúc " +
                             TimeInWords(print.refunded_at) + ".",
                         {.size = 11.5, .bold = true}, 6.0);
    }
    canvas.Space(8.0);
    const double half = PdfCanvas::ContentWidth() / 2;
    const TextStyle title{.size = 12.0, .bold = true, .align = TextAlign::kCenter};
    const TextStyle hint{.size = 11.0, .italic = true, .align = TextAlign::kCenter};
    canvas.Columns({{half, {{"NGƯỜI NỘP TIỀN", title}, {"(Ký, ghi rõ họ tên)", hint}}},
                    {half, {{"ĐƠN VỊ THU", title}, {"(Biên lai điện tử lập từ sổ thu)", hint}}}},
                   10.0);
}

}  // namespace

std::string GroupedAmount(std::int64_t amount) {
    const bool negative = amount < 0;
    std::string digits = std::to_string(negative ? -amount : amount);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            grouped += '.';
        }
        grouped += digits[i];
    }
    return negative ? "-" + grouped : grouped;
}

Outcome<std::string> RenderReceiptsPdf(const ReceiptPrint& print) {
    PdfCanvas canvas({.title = "Biên lai — " + print.dossier_code,
                      .subject = "Biên lai thu phí, lệ phí",
                      .created_at = print.paid_at});
    bool first = true;
    for (const auto& sheet : print.sheets) {
        if (!first) {
            canvas.NewPage();
        }
        first = false;
        Sheet(canvas, print, sheet);
    }
    return canvas.Finish();
}

}  // namespace motcua::reporting::render
