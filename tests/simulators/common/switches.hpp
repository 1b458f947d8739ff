// The switches the tests flip on a simulated service, and what every call to the service passes
// through them: the outage (while it is on, the simulator refuses the call in its protocol's
// terms) and the fault plan, which a reset restores to the plan the simulator started with. The
// control routes every simulator has are here too: the switches' own (control_switches.hpp),
// GET /_sim/state and POST /_sim/reset.
#pragma once

#include <functional>
#include <optional>

#include "simulators/common/exchange.hpp"
#include "simulators/common/fault_reply.hpp"
#include "simulators/common/faults.hpp"
#include "simulators/common/outage.hpp"
#include "simulators/common/sim_state.hpp"

namespace motcua::sim {

/// Thread-safe.
class Switches {
public:
    /// `startup_plan` is what POST /_sim/reset restores; `answers` stand in for the service's own
    /// under the faults that answer in its place.
    Switches(SimState& state, FaultPlan startup_plan, FaultAnswers answers);

    bool IsDown() const;
    FaultPlan Plan() const;

    /// A call's answer under the fault plan: apply()'s, unless a fault is drawn (counted in the
    /// state), which answers in its place or spoils the delivery of apply()'s (FaultedReply).
    SimReply Call(const std::function<SimReply()>& apply);

    /// The control routes every simulator has, for a request under /_sim/: 413 for a body over
    /// 1 MiB, the fault plan and outage routes, GET /_sim/state (the state's JSON) and POST
    /// /_sim/reset (the state forgets, the start-up plan is restored, the outage lifted:
    /// {"ok": true}). nullopt for any other request.
    std::optional<SimReply> HandleControl(const SimRequest& request);

private:
    SimState& state_;
    const FaultPlan startup_plan_;
    FaultInjector faults_;
    Outage outage_;
    const FaultAnswers answers_;
};

}  // namespace motcua::sim
