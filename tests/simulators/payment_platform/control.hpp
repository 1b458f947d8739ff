// The control routes under /_sim/ that tests use to read what the platform holds, change the
// fault plan, take it down, start over, point it at MotCua, choose the callback scenario, settle
// payments without a browser, inject a transaction MotCua never saw and replay a confirm
// (README.md "Control routes"). No authentication: the simulator listens on 127.0.0.1 for tests.
#pragma once

#include "simulators/common/exchange.hpp"
#include "simulators/common/switches.hpp"
#include "simulators/payment_platform/confirm_sender.hpp"
#include "simulators/payment_platform/state.hpp"

namespace motcua::sim::payment_platform {

class ControlRoutes {
public:
    ControlRoutes(PlatformState& state, ConfirmSender& sender, Switches& switches);

    /// A request whose path starts with /_sim/.
    SimReply Handle(const SimRequest& request);

private:
    SimReply SetMerchant(const SimRequest& request);
    SimReply SetCallback(const SimRequest& request);
    SimReply Settle(const SimRequest& request);
    SimReply Inject(const SimRequest& request);
    SimReply Replay(const SimRequest& request);

    PlatformState& state_;
    ConfirmSender& sender_;
    Switches& switches_;
};

}  // namespace motcua::sim::payment_platform
