// The one-stop shop's forms printed as PDF (docs/domain.md §2.4): the form data of
// DossierService::GetForm — read under the same rules and audited the same way — laid out by
// reporting/render/form_pdf.hpp.
#pragma once

#include <string>
#include <string_view>

#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "services/printed_document.hpp"

namespace motcua::services {

class DossierService;

class PrintedForms {
public:
    explicit PrintedForms(DossierService& dossiers) : dossiers_(dossiers) {}

    /// The form `form` of dossier `code` as an A4 PDF; the errors of DossierService::GetForm.
    Outcome<PrintedDocument> Print(const domain::Actor& actor, const std::string& code,
                                   std::string_view form);

private:
    DossierService& dossiers_;
};

}  // namespace motcua::services
