// The control routes under /_sim/ that tests use to read what the portal received, change the
// fault plan, take the portal down and add dossiers "submitted on the portal" (README.md).
// No authentication: the simulator listens on 127.0.0.1 for tests only.
#pragma once

#include "simulators/common/exchange.hpp"
#include "simulators/common/faults.hpp"
#include "simulators/common/outage.hpp"
#include "simulators/dvcqg/sessions.hpp"
#include "simulators/dvcqg/state.hpp"

namespace motcua::sim::dvcqg {

class ControlRoutes {
public:
    /// `startup_plan` is what POST /_sim/reset restores.
    ControlRoutes(PortalState& state, FaultInjector& faults, Outage& outage, Sessions& sessions,
                  FaultPlan startup_plan);

    /// A request whose path starts with /_sim/.
    SimReply Handle(const SimRequest& request);

private:
    SimReply Summary() const;
    SimReply AddPortalDossiers(const SimRequest& request);
    SimReply Reset();

    PortalState& state_;
    FaultInjector& faults_;
    Outage& outage_;
    Sessions& sessions_;
    const FaultPlan startup_plan_;
};

}  // namespace motcua::sim::dvcqg
