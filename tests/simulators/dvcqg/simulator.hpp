// The simulated portal as one handler: the control routes, the outage, the fault plan, then the
// services (README.md). The listener calls Handle for every request, from several threads.
#pragma once

#include <chrono>

#include "simulators/common/exchange.hpp"
#include "simulators/common/faults.hpp"
#include "simulators/common/switches.hpp"
#include "simulators/dvcqg/catalog.hpp"
#include "simulators/dvcqg/control.hpp"
#include "simulators/dvcqg/services.hpp"
#include "simulators/dvcqg/sessions.hpp"
#include "simulators/dvcqg/state.hpp"

namespace motcua::sim::dvcqg {

struct SimulatorOptions {
    PortalOptions portal;
    FaultPlan faults;
    std::chrono::seconds session_lifetime{3600};
    Catalog catalog = BuiltInCatalog();
};

class Simulator {
public:
    explicit Simulator(SimulatorOptions options);
    SimReply Handle(const SimRequest& request);

private:
    SimReply Portal(const SimRequest& request);

    Catalog catalog_;
    PortalState state_;
    Sessions sessions_;
    Switches switches_;
    PortalServices services_;
    ControlRoutes control_;
};

}  // namespace motcua::sim::dvcqg
