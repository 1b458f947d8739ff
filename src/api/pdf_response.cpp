#include "api/pdf_response.hpp"

#include <utility>

#include "api/errors.hpp"

namespace motcua::api {

Response PdfResponse(services::PrintedDocument document) {
    Response response;
    response.content_type = "application/pdf";
    response.body = std::move(document.pdf);
    response.With("Content-Disposition", "inline; filename=\"" + document.file_name + "\"");
    return response;
}

Outcome<bool> WantsPdf(const QueryParams& query) {
    MOTCUA_ASSIGN_OR_RETURN(const auto format, query.NonEmptyText("format"));
    const std::string chosen = format.value_or("json");
    if (chosen != "json" && chosen != "pdf") {
        return InvalidParameter("format");
    }
    return chosen == "pdf";
}

}  // namespace motcua::api
