#include "api/catalog/catalog_handlers.hpp"
#include "api/catalog/page_json.hpp"
#include "api/json/catalog_responses.hpp"
#include "api/query_params.hpp"

namespace motcua::api::catalog {
namespace {

Outcome<services::ProcedureQuery> ParseQuery(const Request& request) {
    const QueryParams params(request);
    MOTCUA_RETURN_IF_ERROR(
        params.RejectUnknown({"q", "field", "level", "online_level", "agency", "limit", "cursor"}));
    services::ProcedureQuery query;
    auto text = params.Text("q");
    auto field = params.Text("field");
    auto agency = params.Text("agency");
    auto level = params.Enum("level", domain::ParseProcedureLevel);
    auto online = params.Enum("online_level", domain::ParseOnlineLevel);
    auto limit = params.Integer("limit", services::kDefaultPageSize);
    auto cursor = params.NonEmptyText("cursor");
    if (auto error = FirstError(text, field, agency, level, online, limit, cursor)) {
        return *error;
    }
    query.text = text.Value().value_or("");
    query.field = field.Value();
    query.agency = agency.Value();
    query.level = level.Value();
    query.online_level = online.Value();
    query.limit = limit.Value();
    query.cursor = cursor.Value().value_or("");
    return query;
}

}  // namespace

Response ListProcedures(ApiContext& context, const Request& request) {
    auto query = ParseQuery(request);
    if (!query) {
        return context.errors.Render(query.GetError());
    }
    auto page = context.catalog.SearchProcedures(query.Value());
    if (!page) {
        return context.errors.Render(page.GetError());
    }
    return JsonResponse(PageJson(page.Value(), [](const auto& snapshot, std::size_t position) {
        return json::ProcedureSummary(snapshot, snapshot.procedures[position]);
    }));
}

}  // namespace motcua::api::catalog
