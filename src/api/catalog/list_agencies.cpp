#include "api/catalog/catalog_handlers.hpp"
#include "api/catalog/page_json.hpp"
#include "api/json/catalog_responses.hpp"
#include "api/query_params.hpp"

namespace motcua::api::catalog {
namespace {

// ?tree=true: the whole tree (or the subtree under ?parent=) as nested objects, unpaginated.
Response RenderTree(ApiContext& context, const std::optional<std::string>& parent) {
    const auto snapshot = context.catalog.GetSnapshot();
    boost::json::array roots;
    if (parent) {
        const auto found = snapshot->agency_by_code.find(*parent);
        if (found == snapshot->agency_by_code.end()) {
            return context.errors.Render(InvalidParameter("parent"));
        }
        roots.push_back(json::AgencyTree(*snapshot, found->second));
    } else {
        for (std::size_t i = 0; i < snapshot->agencies.size(); ++i) {
            if (snapshot->FindAgency(snapshot->agencies[i].parent_code) == nullptr) {
                roots.push_back(json::AgencyTree(*snapshot, i));
            }
        }
    }
    return JsonResponse(boost::json::object{{"items", std::move(roots)}});
}

}  // namespace

Response ListAgencies(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"q", "kind", "parent", "tree", "limit", "cursor"});
        !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto text = params.Text("q");
    auto kind = params.Enum("kind", domain::ParseAgencyKind);
    auto parent = params.Text("parent");
    auto tree = params.Flag("tree");
    auto limit = params.Integer("limit", services::kDefaultPageSize);
    auto cursor = params.NonEmptyText("cursor");
    if (auto error = FirstError(text, kind, parent, tree, limit, cursor)) {
        return context.errors.Render(*error);
    }
    if (tree.Value()) {
        return RenderTree(context, parent.Value());
    }
    services::AgencyQuery query{text.Value().value_or(""), kind.Value(), parent.Value(),
                                limit.Value(), cursor.Value().value_or("")};
    auto page = context.catalog.SearchAgencies(query);
    if (!page) {
        return context.errors.Render(page.GetError());
    }
    return JsonResponse(PageJson(page.Value(), [](const auto& snapshot, std::size_t position) {
        return json::AgencySummary(snapshot, position);
    }));
}

}  // namespace motcua::api::catalog
