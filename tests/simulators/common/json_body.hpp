// The JSON bodies of an exchange: a request's body read as an object, a reply's serialised.
#pragma once

#include <optional>
#include <string_view>

#include <boost/json/object.hpp>

#include "simulators/common/exchange.hpp"

namespace motcua::sim {

/// An answer with `body` serialised (HTTP 200 unless `status` says otherwise).
SimReply JsonReply(const boost::json::object& body, int status = 200);

/// The body as an object; nullopt when it is not JSON or not an object.
std::optional<boost::json::object> ParseObject(std::string_view body);

}  // namespace motcua::sim
