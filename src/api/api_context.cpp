#include "api/api_context.hpp"

#include <boost/json.hpp>

namespace motcua::api {

Response JsonResponse(const boost::json::value& body, int status) {
    return Response{status, "application/json", boost::json::serialize(body), {}};
}

}  // namespace motcua::api
