// PUT /api/v1/agencies/{code} and PUT /api/v1/procedures/{code}: the body is the resource as its
// GET returns it, so that a client can read, change and write back. The names, totals, children
// and path that the GET adds (api/json/catalog_responses.cpp) are dropped here rather than kept
// under "extra"; any other unknown field is kept there, as an import does.
#include <array>
#include <string_view>

#include "api/catalog/catalog_handlers.hpp"
#include "api/json/catalog_responses.hpp"
#include "api/json/request_body.hpp"
#include "api/query_params.hpp"

namespace motcua::api::catalog {
namespace {

// What json::AgencyDetail and json::ProcedureDetail add to the stored document.
constexpr std::array<std::string_view, 2> kAgencyDerived = {"children", "path"};
constexpr std::array<std::string_view, 5> kProcedureDerived = {
    "field_name_vi", "field_name_en", "competent_agency_name_vi", "receiving_agency_name_vi",
    "fee_total_vnd"};

template <std::size_t N>
Outcome<boost::json::object> ReadRecord(const Request& request,
                                        const std::array<std::string_view, N>& derived) {
    auto body = json::ParseJsonBody(request);
    if (body) {
        for (const auto key : derived) {
            body.Value().erase(key);
        }
    }
    return body;
}

}  // namespace

Response PutAgency(ApiContext& context, const Request& request, const std::string& code) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto record = ReadRecord(request, kAgencyDerived);
    if (!record) {
        return context.errors.Render(record.GetError());
    }
    auto created = context.catalog.PutAgency(request.actor, code, std::move(record).Value());
    if (!created) {
        return context.errors.Render(created.GetError());
    }
    auto found = context.catalog.GetAgency(code);
    if (!found) {
        return context.errors.Render(found.GetError());
    }
    const auto& [snapshot, position] = found.Value();
    return JsonResponse(json::AgencyDetail(*snapshot, position), created.Value() ? 201 : 200);
}

Response PutProcedure(ApiContext& context, const Request& request, const std::string& code) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto record = ReadRecord(request, kProcedureDerived);
    if (!record) {
        return context.errors.Render(record.GetError());
    }
    auto created = context.catalog.PutProcedure(request.actor, code, std::move(record).Value());
    if (!created) {
        return context.errors.Render(created.GetError());
    }
    auto found = context.catalog.GetProcedure(code);
    if (!found) {
        return context.errors.Render(found.GetError());
    }
    const auto& [snapshot, position] = found.Value();
    return JsonResponse(json::ProcedureDetail(*snapshot, snapshot->procedures[position]),
                        created.Value() ? 201 : 200);
}

}  // namespace motcua::api::catalog
