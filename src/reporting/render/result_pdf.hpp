// An electronic result (kết quả giải quyết TTHC điện tử, docs/e-results.md §1) printed as an A4
// PDF ready to be signed: the signing agency and the national motto, the number and date, the
// procedure's result title, the holder and the dossier, what was decided, a visible signature
// block naming the signer and the signing time, and a QR code of the public verification page
// with its link and the verification id written out. Laid out by PdfCanvas.
#pragma once

#include <array>
#include <string>

#include "common/outcome.hpp"

namespace motcua::reporting::render {

struct ResultPrint {
    std::string agency_name;
    std::string agency_code;
    std::string number;  // "Số: …" line.
    std::string title;   // The procedure's result, e.g. "Trích lục khai sinh".
    std::string procedure_name;
    std::string procedure_code;
    std::string dossier_code;
    std::string holder_name;
    std::string holder_id_number;
    std::string holder_address;
    std::string received_at;  // RFC 3339 in Vietnam.
    std::string issued_at;    // RFC 3339 in Vietnam: the signing time.
    std::string signer_name;  // As the certificate names the agency.
    std::string verification_url;
    std::string verification_id;
};

struct RenderedResult {
    std::string pdf;
    /// The signature block on the first page in PDF user space (x1, y1, x2, y2 from the bottom
    /// left), where the signature widget goes; all zero when the block fell on a later page.
    std::array<double, 4> signature_rect{};
};

/// The same print gives the same bytes.
Outcome<RenderedResult> RenderResultPdf(const ResultPrint& print);

}  // namespace motcua::reporting::render
