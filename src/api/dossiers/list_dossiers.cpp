#include <sstream>

#include <boost/json.hpp>

#include "api/dossiers/dossier_handlers.hpp"
#include "api/json/dossier_responses.hpp"
#include "api/query_params.hpp"
#include "common/time_format.hpp"

namespace motcua::api::dossiers {
namespace {

// "2,4" or "received,in_processing" → national codes.
Outcome<std::vector<int>> ParseStatuses(const std::string& text) {
    std::vector<int> codes;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ',')) {
        std::optional<domain::DossierStatus> status;
        if (!item.empty() && std::isdigit(static_cast<unsigned char>(item[0])) != 0) {
            try {
                status = domain::StatusFromCode(std::stoi(item));
            } catch (const std::exception&) {
                status.reset();
            }
        } else {
            for (const auto candidate : domain::kAllStatuses) {
                if (item == domain::StatusName(candidate)) {
                    status = candidate;
                }
            }
        }
        if (!status) {
            return InvalidParameter("status");
        }
        codes.push_back(domain::StatusCode(*status));
    }
    return codes;
}

}  // namespace

Response ListDossiers(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"status", "procedure", "due_before", "overdue",
                                             "assigned", "order", "limit", "cursor"});
        !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto status = params.NonEmptyText("status");
    auto procedure = params.NonEmptyText("procedure");
    auto due_before = params.Text("due_before");
    auto overdue = params.Flag("overdue");
    auto assigned = params.Text("assigned");
    auto order = params.Text("order");
    auto limit = params.Integer("limit", 20);
    auto cursor = params.NonEmptyText("cursor");
    if (auto error =
            FirstError(status, procedure, due_before, overdue, assigned, order, limit, cursor)) {
        return context.errors.Render(*error);
    }
    services::DossierQuery query;
    if (const auto& status_text = status.Value()) {
        auto codes = ParseStatuses(*status_text);
        if (!codes) {
            return context.errors.Render(codes.GetError());
        }
        query.statuses = codes.Value();
    }
    query.procedure_code = procedure.Value().value_or("");
    if (const auto& due_before_text = due_before.Value()) {
        query.due_before = ParseRfc3339(*due_before_text);
        if (!query.due_before) {
            return context.errors.Render(InvalidParameter("due_before"));
        }
    }
    query.overdue_only = overdue.Value();
    const std::string assigned_text = assigned.Value().value_or("true");
    if (assigned_text != "true" && assigned_text != "false") {
        return context.errors.Render(InvalidParameter("assigned"));
    }
    query.assigned_only = assigned_text == "true";
    const std::string order_text = order.Value().value_or("due");
    if (order_text != "due" && order_text != "newest") {
        return context.errors.Render(InvalidParameter("order"));
    }
    query.order = order_text == "due" ? storage::DossierOrder::kDueFirst
                                      : storage::DossierOrder::kNewestFirst;
    query.limit = limit.Value();
    query.cursor = cursor.Value().value_or("");
    auto page = context.dossiers->List(request.actor, query);
    if (!page) {
        return context.errors.Render(page.GetError());
    }
    const auto snapshot = context.catalog.GetSnapshot();
    boost::json::array items;
    for (const auto& view : page.Value().items) {
        items.push_back(json::DossierViewToJson(*snapshot, view));
    }
    return JsonResponse(
        boost::json::object{{"items", std::move(items)},
                            {"next_cursor", page.Value().next_cursor.empty()
                                                ? boost::json::value(nullptr)
                                                : boost::json::value(page.Value().next_cursor)}});
}

}  // namespace motcua::api::dossiers
