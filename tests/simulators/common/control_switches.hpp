// The control routes every simulator has, for the tests (no authentication): the fault plan
// (GET and POST /_sim/faults) and the outage switch (POST /_sim/down); and what every control
// route shares: its body, its refusals.
#pragma once

#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "simulators/common/exchange.hpp"
#include "simulators/common/faults.hpp"
#include "simulators/common/outage.hpp"

namespace motcua::sim {

/// A control route's refusal: {"error": message} with `status`.
SimReply ControlError(int status, const std::string& message);

/// The 404 of a request under /_sim/ that no control route takes.
SimReply NoControlRoute(const SimRequest& request);

/// A control route's body as an object (an empty body counts as {}: curl -X POST sends none);
/// nullopt when it is not a JSON object.
std::optional<boost::json::object> ControlBody(const std::string& body);

/// GET /_sim/faults → the plan. POST /_sim/faults with any subset of the plan → the new plan
/// (restarting the draws), or 400 with the plan unchanged. POST /_sim/down with {"seconds": N}
/// (down for N seconds, fractions allowed) or {"down": true|false} → {"down": bool}.
/// nullopt for any other request.
std::optional<SimReply> HandleSwitchRoute(const SimRequest& request, FaultInjector& faults,
                                          Outage& outage);

}  // namespace motcua::sim
