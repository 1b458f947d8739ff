#include "services/dossiers/printed_forms.hpp"

#include "reporting/render/form_pdf.hpp"
#include "services/dossiers/dossier_service.hpp"

namespace motcua::services {

Outcome<PrintedDocument> PrintedForms::Print(const domain::Actor& actor, const std::string& code,
                                             std::string_view form) {
    MOTCUA_ASSIGN_OR_RETURN(const auto data, dossiers_.GetForm(actor, code, form));
    MOTCUA_ASSIGN_OR_RETURN(auto pdf, reporting::render::RenderFormPdf(data));
    return PrintedDocument{std::string(form) + "-" + FileNamePart(code) + ".pdf", std::move(pdf)};
}

}  // namespace motcua::services
