// Operational endpoints: liveness, Prometheus metrics and the OpenAPI document.
#pragma once

#include <string>

#include "api/api_context.hpp"
#include "api/http_types.hpp"

namespace motcua::api {
class HttpApi;
}

namespace motcua::api::system {

/// GET /healthz → {"status":"ok"}
Response Healthz(ApiContext& context, const Request& request);
/// GET /metrics → Prometheus text format, for the allowed addresses or the metrics token
/// (api/metrics_access.hpp); 403 otherwise.
Response GetMetrics(ApiContext& context, const Request& request, HttpApi& api);
/// GET /api/v1/openapi.json
Response GetOpenApi(ApiContext& context, const Request& request, const std::string& document);

}  // namespace motcua::api::system
