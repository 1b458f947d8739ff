// Every endpoint of the HTTP API: method, path pattern, handler. DESIGN.md §6 is the contract;
// docs/api/openapi.json documents the shapes, and tests/api checks that both agree.
#include "api/catalog/catalog_handlers.hpp"
#include "api/http_api.hpp"
#include "api/system/system_handlers.hpp"

namespace motcua::api {

std::vector<Route> BuildRoutes(ApiContext& context, HttpApi& api, const HttpApiOptions& options) {
    ApiContext* ctx = &context;
    HttpApi* self = &api;
    const std::string* openapi = &options.openapi_json;
    return {
        {"GET", "/healthz",
         [ctx](const Request& r, const PathParams&) { return system::Healthz(*ctx, r); }},
        {"GET", "/metrics",
         [ctx, self](const Request& r, const PathParams&) {
             return system::GetMetrics(*ctx, r, *self);
         }},
        {"GET", "/api/v1/openapi.json",
         [ctx, openapi](const Request& r, const PathParams&) {
             return system::GetOpenApi(*ctx, r, *openapi);
         }},
        {"GET", "/api/v1/agencies",
         [ctx](const Request& r, const PathParams&) { return catalog::ListAgencies(*ctx, r); }},
        {"GET", "/api/v1/agencies/{code}",
         [ctx](const Request& r, const PathParams& p) {
             return catalog::GetAgency(*ctx, r, p[0]);
         }},
        {"GET", "/api/v1/fields",
         [ctx](const Request& r, const PathParams&) { return catalog::ListFields(*ctx, r); }},
        {"GET", "/api/v1/procedures",
         [ctx](const Request& r, const PathParams&) { return catalog::ListProcedures(*ctx, r); }},
        {"GET", "/api/v1/procedures/{code}",
         [ctx](const Request& r, const PathParams& p) {
             return catalog::GetProcedure(*ctx, r, p[0]);
         }},
    };
}

}  // namespace motcua::api
