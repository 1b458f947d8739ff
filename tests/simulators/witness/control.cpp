// GET /_sim/state and POST /_sim/reset here; the fault plan and the outage switch are the routes
// every simulator shares (common/control_switches.hpp).
#include "simulators/witness/control.hpp"

#include "simulators/common/control_switches.hpp"
#include "simulators/common/json_body.hpp"

namespace motcua::sim::witness {

ControlRoutes::ControlRoutes(WitnessState& state, FaultInjector& faults, Outage& outage,
                             FaultPlan startup_plan)
    : state_(state), faults_(faults), outage_(outage), startup_plan_(std::move(startup_plan)) {}

SimReply ControlRoutes::Handle(const SimRequest& request) {
    if (request.too_large) {
        return ControlError(413, "body larger than 1 MiB");
    }
    if (auto reply = HandleSwitchRoute(request, faults_, outage_)) {
        return std::move(*reply);
    }
    if (request.path == "/_sim/state" && request.method == "GET") {
        return JsonReply(state_.StateJson());
    }
    if (request.path == "/_sim/reset" && request.method == "POST") {
        state_.Reset();
        faults_.SetPlan(startup_plan_);
        outage_.Set(false);
        return JsonReply({{"ok", true}});
    }
    return ControlError(404, "no control route " + request.method + " " + request.path);
}

}  // namespace motcua::sim::witness
