#include "api/system/system_handlers.hpp"

#include "api/http_api.hpp"

namespace motcua::api::system {

Response Healthz() { return Response{200, "application/json", R"({"status":"ok"})", {}}; }

Response GetMetrics(HttpApi& api) {
    return Response{
        200, "text/plain; version=0.0.4; charset=utf-8", api.GetMetrics().RenderPrometheus(), {}};
}

Response GetOpenApi(const std::string& document) {
    Response response{200, "application/json", document, {}};
    response.With("Cache-Control", "no-cache");
    return response;
}

}  // namespace motcua::api::system
