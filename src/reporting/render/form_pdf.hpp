// The one-stop shop's forms (dossier_forms.hpp) printed as A4 PDF: the issuing body and the
// national motto at the top, the form's number and date, its Vietnamese title and field labels
// exactly as the form data carries them, the values, signature places, and at the foot a QR code
// of the public lookup link with the same link and the dossier code written out for whoever
// cannot scan it. Laid out by PdfCanvas (Pango on cairo, Noto Serif embedded).
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "common/outcome.hpp"

namespace motcua::reporting::render {

/// Prints a form built by BuildForm. The same form data gives the same bytes.
Outcome<std::string> RenderFormPdf(const boost::json::object& form);

}  // namespace motcua::reporting::render
