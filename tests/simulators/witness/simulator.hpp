// The simulated witness as one handler: the control routes, then for the v1 routes the checks
// every call passes in order (route, method, outage, token, body size), the fault plan, and the
// calls themselves (README.md). The listener calls Handle for every request, from several threads.
#pragma once

#include <string>

#include "simulators/common/exchange.hpp"
#include "simulators/common/faults.hpp"
#include "simulators/common/switches.hpp"
#include "simulators/witness/state.hpp"
#include "simulators/witness/witness.hpp"

namespace motcua::sim::witness {

struct SimulatorOptions {
    std::string token = "witness-token-for-tests";  ///< The bearer token every v1 call carries.
    FaultPlan faults;
};

class Simulator {
public:
    explicit Simulator(SimulatorOptions options);
    SimReply Handle(const SimRequest& request);

private:
    SimReply Call(const SimRequest& request, SimReply (WitnessRoutes::*route)(const SimRequest&));
    bool Authorised(const SimRequest& request) const;

    const std::string token_;
    WitnessState state_;
    Switches switches_;
    WitnessRoutes routes_;
};

}  // namespace motcua::sim::witness
