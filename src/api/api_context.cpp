#include "api/api_context.hpp"

#include <boost/json.hpp>

#include "common/json_text.hpp"

namespace motcua::api {

Response JsonResponse(const boost::json::value& body, int status) {
    return Response{status, "application/json", ToJsonText(body), {}};
}

}  // namespace motcua::api
