#include "reporting/render/official_heading.hpp"

#include <utility>

namespace motcua::reporting::render {

const std::vector<std::string>& NationalMottoVi() {
    static const std::vector<std::string> motto = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                   "Độc lập - Tự do - Hạnh phúc"};
    return motto;
}

void DrawOfficialHeading(PdfCanvas& canvas, const OfficialHeading& heading) {
    const double left = PdfCanvas::ContentWidth() * 0.42;
    const double right = PdfCanvas::ContentWidth() - left;
    std::vector<std::pair<std::string, TextStyle>> issuer = {
        {heading.issuer, {.size = 11.5, .bold = true, .align = TextAlign::kCenter, .upper = true}}};
    if (!heading.number_line.empty()) {
        issuer.emplace_back(heading.number_line,
                            TextStyle{.size = 11.5, .align = TextAlign::kCenter});
    }
    std::vector<std::pair<std::string, TextStyle>> motto;
    for (std::size_t i = 0; i < heading.motto.size(); ++i) {
        motto.emplace_back(
            heading.motto[i],
            TextStyle{.size = i == 0 ? 11.5 : 12.5, .bold = true, .align = TextAlign::kCenter});
    }
    canvas.Columns({{left, std::move(issuer)}, {right, std::move(motto)}}, 4.0);
    if (!heading.date_line.empty()) {
        canvas.Paragraph(heading.date_line,
                         {.size = 12.0, .italic = true, .align = TextAlign::kRight}, 14.0);
    }
    canvas.Paragraph(heading.title,
                     {.size = 14.0, .bold = true, .align = TextAlign::kCenter, .upper = true},
                     heading.subtitle.empty() ? 14.0 : 2.0);
    if (!heading.subtitle.empty()) {
        canvas.Paragraph(heading.subtitle,
                         {.size = 11.0, .italic = true, .align = TextAlign::kCenter}, 14.0);
    }
}

}  // namespace motcua::reporting::render
