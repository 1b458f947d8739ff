// A printed document as an HTTP answer: application/pdf, shown in the browser (to print) and
// saved under the document's own file name.
#pragma once

#include "api/http_types.hpp"
#include "api/query_params.hpp"
#include "common/outcome.hpp"
#include "services/printed_document.hpp"

namespace motcua::api {

Response PdfResponse(services::PrintedDocument document);

/// Whether the route's `?format=` asks for the PDF: json (the default) gives false, pdf true,
/// anything else (or an empty value) 400 invalid_parameter format.
Outcome<bool> WantsPdf(const QueryParams& query);

}  // namespace motcua::api
