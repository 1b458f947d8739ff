// Boost.JSON for the simulators' request and reply bodies.
#include "simulators/common/json_body.hpp"

#include <boost/json.hpp>

namespace motcua::sim {

namespace json = boost::json;

SimReply JsonReply(const json::object& body, int status) {
    SimReply reply;
    reply.status = status;
    reply.body = json::serialize(body);
    return reply;
}

std::optional<json::object> ParseObject(std::string_view body) {
    boost::system::error_code error;
    json::value value = json::parse(body, error);
    if (error || !value.is_object()) {
        return std::nullopt;
    }
    return std::move(value.get_object());
}

}  // namespace motcua::sim
