// The control routes every simulator has, for the tests (no authentication): the fault plan
// (GET and POST /_sim/faults) and the outage switch (POST /_sim/down).
#pragma once

#include <optional>
#include <string>

#include "simulators/common/exchange.hpp"
#include "simulators/common/faults.hpp"
#include "simulators/common/outage.hpp"

namespace motcua::sim {

/// A control route's refusal: {"error": message} with `status`.
SimReply ControlError(int status, const std::string& message);

/// GET /_sim/faults → the plan. POST /_sim/faults with any subset of the plan → the new plan
/// (restarting the draws), or 400 with the plan unchanged. POST /_sim/down with {"seconds": N}
/// (down for N seconds, fractions allowed) or {"down": true|false} → {"down": bool}.
/// nullopt for any other request.
std::optional<SimReply> HandleSwitchRoute(const SimRequest& request, FaultInjector& faults,
                                          Outage& outage);

}  // namespace motcua::sim
