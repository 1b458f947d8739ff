// A printed document as an HTTP answer: application/pdf, shown in the browser (to print) and
// saved under the document's own file name.
#pragma once

#include "api/http_types.hpp"
#include "services/printed_document.hpp"

namespace motcua::api {

Response PdfResponse(services::PrintedDocument document);

}  // namespace motcua::api
