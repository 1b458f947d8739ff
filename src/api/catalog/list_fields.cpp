#include "api/catalog/catalog_handlers.hpp"
#include "api/query_params.hpp"
#include "interchange/catalog_json.hpp"

namespace motcua::api::catalog {

Response ListFields(ApiContext& context, const Request& request) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    const auto snapshot = context.catalog.GetSnapshot();
    boost::json::array items;
    for (std::size_t i = 0; i < snapshot->fields.size(); ++i) {
        auto field = interchange::FieldToJson(snapshot->fields[i]);
        field["procedure_count"] = snapshot->field_procedure_counts[i];
        items.push_back(std::move(field));
    }
    return JsonResponse(boost::json::object{{"items", std::move(items)}});
}

}  // namespace motcua::api::catalog
