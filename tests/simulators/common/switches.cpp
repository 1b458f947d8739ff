#include "simulators/common/switches.hpp"

#include "simulators/common/control_switches.hpp"
#include "simulators/common/json_body.hpp"

namespace motcua::sim {

Switches::Switches(SimState& state, FaultPlan startup_plan, FaultAnswers answers)
    : state_(state),
      startup_plan_(std::move(startup_plan)),
      faults_(startup_plan_),
      answers_(std::move(answers)) {}

bool Switches::IsDown() const { return outage_.IsDown(); }

FaultPlan Switches::Plan() const { return faults_.Plan(); }

SimReply Switches::Call(const std::function<SimReply()>& apply) {
    if (const auto fault = faults_.Draw()) {
        state_.CountFault(FaultName(*fault));
        return FaultedReply(*fault, faults_.Plan(), answers_, apply);
    }
    return apply();
}

std::optional<SimReply> Switches::HandleControl(const SimRequest& request) {
    if (request.too_large) {
        return ControlError(413, "body larger than 1 MiB");
    }
    if (auto reply = HandleSwitchRoute(request, faults_, outage_)) {
        return reply;
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
    return std::nullopt;
}

}  // namespace motcua::sim
