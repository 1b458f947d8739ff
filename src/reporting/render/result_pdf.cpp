#include "reporting/render/result_pdf.hpp"

#include <string_view>

#include "reporting/render/form_wording.hpp"
#include "reporting/render/official_heading.hpp"
#include "reporting/render/pdf_canvas.hpp"
#include "reporting/render/qr_code.hpp"

namespace motcua::reporting::render {
namespace {

constexpr TextStyle kBody{.size = 12.0};
constexpr TextStyle kBold{.size = 12.0, .bold = true};
constexpr TextStyle kCenter{.size = 12.0, .align = TextAlign::kCenter};
constexpr double kQrSide = 84.0;

void Field(PdfCanvas& canvas, std::string_view label, const std::string& value) {
    canvas.Paragraph(std::string(label) + ": " + (value.empty() ? "—" : value), kBody, 3.0);
}

}  // namespace

Outcome<RenderedResult> RenderResultPdf(const ResultPrint& print) {
    PdfCanvas canvas({.title = print.title + " — " + print.dossier_code,
                      .subject = "Kết quả giải quyết thủ tục hành chính",
                      .created_at = print.issued_at});
    DrawOfficialHeading(
        canvas, {.issuer = print.agency_name.empty() ? print.agency_code : print.agency_name,
                 .number_line = "Số: " + print.number,
                 .date_line = DateLine(print.issued_at),
                 .title = print.title,
                 .subtitle = "(Kết quả giải quyết thủ tục hành chính bản điện tử)"});
    canvas.Paragraph("Căn cứ hồ sơ đề nghị và kết quả giải quyết thủ tục hành chính:", kBody, 6.0);
    Field(canvas, "Thủ tục hành chính", print.procedure_name + " (" + print.procedure_code + ")");
    Field(canvas, "Mã hồ sơ", print.dossier_code);
    Field(canvas, "Thời gian tiếp nhận", TimeInWords(print.received_at));
    canvas.Space(4.0);
    canvas.Paragraph((print.agency_name.empty() ? print.agency_code : print.agency_name) +
                         " cấp kết quả \"" + print.title + "\" cho:",
                     kBody, 4.0);
    Field(canvas, "Người được cấp", print.holder_name);
    Field(canvas, "Số định danh", print.holder_id_number);
    Field(canvas, "Địa chỉ", print.holder_address);
    canvas.Space(4.0);
    canvas.Paragraph(
        "Bản điện tử này được cơ quan có thẩm quyền ký số. Kiểm tra tính hợp lệ của chữ ký và "
        "tình trạng kết quả tại địa chỉ xác minh dưới đây.",
        {.size = 11.0, .italic = true}, 12.0);

    // The signature block on the right half; its place is the signature widget's.
    const double half = PdfCanvas::ContentWidth() / 2;
    const int page = canvas.PageIndex();
    const double top = canvas.CursorY();
    canvas.Columns(
        {{half, {}},
         {half,
          {{"THỦ TRƯỞNG CƠ QUAN", {.size = 12.0, .bold = true, .align = TextAlign::kCenter}},
           {"(Đã ký số)", {.size = 11.0, .italic = true, .align = TextAlign::kCenter}},
           {print.signer_name, {.size = 11.5, .bold = true, .align = TextAlign::kCenter}},
           {"Thời gian ký: " + TimeInWords(print.issued_at), kCenter}}}},
        12.0);
    RenderedResult rendered;
    if (canvas.PageIndex() == page && page == 0) {
        const double bottom = canvas.CursorY();
        rendered.signature_rect = {PdfCanvas::kMargin + half, PdfCanvas::kPageHeight - bottom,
                                   PdfCanvas::kMargin + 2 * half, PdfCanvas::kPageHeight - top};
    }
    auto qr = EncodeQr(print.verification_url);
    const std::vector<std::pair<std::string, TextStyle>> caption = {
        {"Xác minh kết quả điện tử:", kBold},
        {print.verification_url, {.size = 10.0}},
        {"Mã xác minh: " + print.verification_id, {.size = 11.0, .bold = true}},
        {"Mã hồ sơ: " + print.dossier_code, {.size = 11.0}},
    };
    if (qr) {
        canvas.QrWithCaption(qr.Value(), kQrSide, caption);
    } else {
        for (const auto& [text, style] : caption) {
            canvas.Paragraph(text, style);
        }
    }
    MOTCUA_ASSIGN_OR_RETURN(rendered.pdf, canvas.Finish());
    return rendered;
}

}  // namespace motcua::reporting::render
