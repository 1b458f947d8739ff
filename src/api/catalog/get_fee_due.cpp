#include <boost/json.hpp>

#include "api/catalog/catalog_handlers.hpp"
#include "api/query_params.hpp"
#include "domain/catalog/fee_due.hpp"

namespace motcua::api::catalog {
namespace {

boost::json::object FeeDueToJson(const domain::Procedure& procedure,
                                 const domain::FeeRequest& fee_request, const domain::FeeDue& due) {
    boost::json::array lines;
    for (const auto& line : due.lines) {
        lines.push_back(
            boost::json::object{{"kind", domain::FeeKindName(line.kind)},
                                {"code", line.code.empty() ? boost::json::value(nullptr)
                                                           : boost::json::value(line.code)},
                                {"name_vi", line.name_vi},
                                {"name_en", line.name_en},
                                {"unit_amount_vnd", line.unit_amount},
                                {"quantity", line.quantity},
                                {"amount_vnd", line.amount},
                                {"exempt", line.exempt}});
    }
    return {
        {"procedure", procedure.code},
        {"copies", fee_request.copies},
        {"exemption", fee_request.exemption.empty() ? boost::json::value(nullptr)
                                                    : boost::json::value(fee_request.exemption)},
        {"lines", std::move(lines)},
        {"fees_vnd", due.fees},
        {"charges_vnd", due.charges},
        {"total_vnd", due.total}};
}

}  // namespace

Response GetFeeDue(ApiContext& context, const Request& request, const std::string& code) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"copies", "exemption"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto copies = params.Integer("copies", 1);
    auto exemption = params.NonEmptyText("exemption");
    if (!copies) {
        return context.errors.Render(copies.GetError());
    }
    if (!exemption) {
        return context.errors.Render(exemption.GetError());
    }
    auto found = context.catalog.GetProcedure(code);
    if (!found) {
        return context.errors.Render(found.GetError());
    }
    const auto& [snapshot, position] = found.Value();
    const auto& procedure = snapshot->procedures[position];
    const domain::FeeRequest fee_request{copies.Value(), exemption.Value().value_or("")};
    auto due = domain::ComputeFeeDue(procedure, fee_request);
    if (!due) {
        return context.errors.Render(due.GetError());
    }
    return JsonResponse(FeeDueToJson(procedure, fee_request, due.Value()));
}

}  // namespace motcua::api::catalog
