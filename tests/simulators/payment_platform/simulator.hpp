// The simulated payment platform as one handler: the control routes, the applicant's pages, and
// for the API routes the checks every call passes in order (route, method, outage, body size),
// the fault plan, and the calls themselves (README.md). The listener calls Handle for every
// request, from several threads.
#pragma once

#include <string>

#include "simulators/common/exchange.hpp"
#include "simulators/common/faults.hpp"
#include "simulators/common/switches.hpp"
#include "simulators/payment_platform/api.hpp"
#include "simulators/payment_platform/confirm_sender.hpp"
#include "simulators/payment_platform/control.hpp"
#include "simulators/payment_platform/state.hpp"

namespace motcua::sim::payment_platform {

struct SimulatorOptions {
    std::string partner_code = "MOTCUA-H32";  ///< The MaDoiTac it knows.
    std::string secret = "platform-secret-for-tests";
    std::string confirm_url;  ///< MotCua's confirm endpoint; empty until set.
    int confirm_retries = 3;
    int confirm_retry_ms = 200;
    CallbackScenario scenario = CallbackScenario::kNormal;
    FaultPlan faults;
};

class Simulator {
public:
    explicit Simulator(const SimulatorOptions& options);
    /// The base of the pay URLs (http://127.0.0.1:PORT); called once, before serving.
    void SetPublicUrl(std::string url);
    SimReply Handle(const SimRequest& request);

private:
    SimReply Call(const SimRequest& request, SimReply (PlatformRoutes::*route)(const SimRequest&));
    SimReply Page(const SimRequest& request);

    PlatformState state_;
    ConfirmSender sender_;
    Switches switches_;
    PlatformRoutes routes_;
    ControlRoutes control_;
};

}  // namespace motcua::sim::payment_platform
