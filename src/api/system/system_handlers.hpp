// Operational endpoints: liveness, Prometheus metrics and the OpenAPI document.
#pragma once

#include <string>

#include "api/http_types.hpp"

namespace motcua::api {
class HttpApi;
}

namespace motcua::api::system {

/// GET /healthz → {"status":"ok"}
Response Healthz();
/// GET /metrics → Prometheus text format.
Response GetMetrics(HttpApi& api);
/// GET /api/v1/openapi.json
Response GetOpenApi(const std::string& document);

}  // namespace motcua::api::system
