// The control routes under /_sim/ that tests use to read what the witness holds, change the
// fault plan, take the witness down and start over (README.md "Control routes").
// No authentication: the simulator listens on 127.0.0.1 for tests only.
#pragma once

#include "simulators/common/exchange.hpp"
#include "simulators/common/faults.hpp"
#include "simulators/common/outage.hpp"
#include "simulators/witness/state.hpp"

namespace motcua::sim::witness {

class ControlRoutes {
public:
    /// `startup_plan` is what POST /_sim/reset restores.
    ControlRoutes(WitnessState& state, FaultInjector& faults, Outage& outage,
                  FaultPlan startup_plan);

    /// A request whose path starts with /_sim/.
    SimReply Handle(const SimRequest& request);

private:
    WitnessState& state_;
    FaultInjector& faults_;
    Outage& outage_;
    const FaultPlan startup_plan_;
};

}  // namespace motcua::sim::witness
