// The control routes under /_sim/ that tests use to read what the gateway holds, set the
// merchant's IPN URL and the callback scenario, settle, inject and replay without a browser,
// change the fault plan, take the gateway down and start over (README.md "Control routes").
// No authentication: the simulator listens on 127.0.0.1 for tests only.
#pragma once

#include "simulators/common/exchange.hpp"
#include "simulators/common/switches.hpp"
#include "simulators/vnpay/gateway.hpp"
#include "simulators/vnpay/state.hpp"

namespace motcua::sim::vnpay {

class ControlRoutes {
public:
    ControlRoutes(GatewayState& state, Gateway& gateway, Switches& switches);

    /// A request whose path starts with /_sim/.
    SimReply Handle(const SimRequest& request);

private:
    SimReply Post(const SimRequest& request, const boost::json::object& body);

    GatewayState& state_;
    Gateway& gateway_;
    Switches& switches_;
};

}  // namespace motcua::sim::vnpay
