#include "api/pdf_response.hpp"

#include <utility>

namespace motcua::api {

Response PdfResponse(services::PrintedDocument document) {
    Response response;
    response.content_type = "application/pdf";
    response.body = std::move(document.pdf);
    response.With("Content-Disposition", "inline; filename=\"" + document.file_name + "\"");
    return response;
}

}  // namespace motcua::api
