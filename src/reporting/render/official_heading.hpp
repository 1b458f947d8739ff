// The heading of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the
// issuing body and the document's number on the left, the national motto on the right, the
// place-and-date line under the motto, then the document's title in capitals. Shared by the
// printed forms, the receipts and the electronic results.
#pragma once

#include <string>
#include <vector>

#include "reporting/render/pdf_canvas.hpp"

namespace motcua::reporting::render {

/// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc".
const std::vector<std::string>& NationalMottoVi();

struct OfficialHeading {
    std::string issuer;       // Printed in capitals.
    std::string number_line;  // "Số: 12/GTN"; may be empty.
    std::vector<std::string> motto = NationalMottoVi();
    std::string date_line;  // "Ngày 10 tháng 03 năm 2026"; may be empty.
    std::string title;      // Printed in capitals.
    std::string subtitle;   // Under the title, in italics; may be empty.
};

/// Draws `heading` at the canvas's cursor.
void DrawOfficialHeading(PdfCanvas& canvas, const OfficialHeading& heading);

}  // namespace motcua::reporting::render
