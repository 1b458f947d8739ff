// The simulated VNPay gateway as one handler: the control routes; the browser routes (the pay
// URL's page and the buttons), refused only by the outage; and the server-to-server routes
// (querydr, report), where the outage and then the fault plan apply (README.md). The listener
// calls Handle for every request, from several threads.
#pragma once

#include "simulators/common/exchange.hpp"
#include "simulators/common/faults.hpp"
#include "simulators/common/switches.hpp"
#include "simulators/vnpay/control.hpp"
#include "simulators/vnpay/gateway.hpp"
#include "simulators/vnpay/merchant_api.hpp"
#include "simulators/vnpay/state.hpp"

namespace motcua::sim::vnpay {

struct SimulatorOptions {
    GatewayOptions gateway;
    std::string ipn_url;  ///< The merchant's IPN URL at start-up ("" : none yet).
    Scenario scenario = Scenario::kNormal;
    FaultPlan faults;
};

class Simulator {
public:
    explicit Simulator(SimulatorOptions options);
    SimReply Handle(const SimRequest& request);

private:
    SimReply Api(const SimRequest& request, SimReply (MerchantApi::*route)(const SimRequest&));

    GatewayState state_;
    Switches switches_;
    Gateway gateway_;
    MerchantApi api_;
    ControlRoutes control_;
};

}  // namespace motcua::sim::vnpay
