// ApiContext: what every handler may use — the services (one call per request) and the error
// renderer. Built once by the composition root.
#pragma once

#include <boost/json/fwd.hpp>

#include "api/errors.hpp"
#include "api/http_types.hpp"
#include "services/catalog/catalog_service.hpp"

namespace motcua::api {

struct ApiContext {
    services::CatalogService& catalog;
    const ErrorRenderer& errors;
};

/// Returns a 200 (or `status`) JSON response with `body` serialized.
Response JsonResponse(const boost::json::value& body, int status = 200);

}  // namespace motcua::api
