#include "services/dossiers/printed_forms.hpp"

#include "reporting/render/form_pdf.hpp"
#include "services/dossiers/dossier_service.hpp"

namespace motcua::services {
namespace {

// A dossier code as a file name: codes are stored verbatim (imports may carry anything), so
// anything but letters, digits, '.', '-' and '_' becomes '_'.
std::string FileNamePart(std::string_view text) {
    std::string part;
    for (const char c : text) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
        part += plain ? c : '_';
    }
    return part;
}

}  // namespace

Outcome<PrintedForm> PrintedForms::Print(const domain::Actor& actor, const std::string& code,
                                         std::string_view form) {
    MOTCUA_ASSIGN_OR_RETURN(const auto data, dossiers_.GetForm(actor, code, form));
    MOTCUA_ASSIGN_OR_RETURN(auto pdf, reporting::render::RenderFormPdf(data));
    return PrintedForm{std::string(form) + "-" + FileNamePart(code) + ".pdf", std::move(pdf)};
}

}  // namespace motcua::services
