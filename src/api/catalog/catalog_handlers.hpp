// The catalogue endpoints (docs/architecture.md §6): procedures, agencies, fields; a file each.
#pragma once

#include "api/api_context.hpp"

namespace motcua::api::catalog {

/// GET /api/v1/procedures?q=&field=&level=&online_level=&agency=&limit=&cursor=
Response ListProcedures(ApiContext& context, const Request& request);
/// GET /api/v1/procedures/{code}
Response GetProcedure(ApiContext& context, const Request& request, const std::string& code);
/// GET /api/v1/procedures/{code}/fees?copies=&exemption=: the amount due before submission.
Response GetFeeDue(ApiContext& context, const Request& request, const std::string& code);
/// GET /api/v1/agencies?q=&kind=&parent=&tree=&limit=&cursor=
Response ListAgencies(ApiContext& context, const Request& request);
/// GET /api/v1/agencies/{code}
Response GetAgency(ApiContext& context, const Request& request, const std::string& code);
/// PUT /api/v1/procedures/{code}: creates (201) or replaces (200) it from its GET shape.
Response PutProcedure(ApiContext& context, const Request& request, const std::string& code);
/// PUT /api/v1/agencies/{code}: creates (201) or replaces (200) it from its GET shape.
Response PutAgency(ApiContext& context, const Request& request, const std::string& code);
/// GET /api/v1/fields
Response ListFields(ApiContext& context, const Request& request);

}  // namespace motcua::api::catalog
