// The control routes under /_sim/ that tests use to read what the portal received, change the
// fault plan, take the portal down and add dossiers "submitted on the portal" (README.md).
// No authentication: the simulator listens on 127.0.0.1 for tests only.
#pragma once

#include "simulators/common/exchange.hpp"
#include "simulators/common/switches.hpp"
#include "simulators/dvcqg/sessions.hpp"
#include "simulators/dvcqg/state.hpp"

namespace motcua::sim::dvcqg {

class ControlRoutes {
public:
    ControlRoutes(PortalState& state, Switches& switches, Sessions& sessions);

    /// A request whose path starts with /_sim/.
    SimReply Handle(const SimRequest& request);

private:
    SimReply Summary() const;
    SimReply AddPortalDossiers(const SimRequest& request);

    PortalState& state_;
    Switches& switches_;
    Sessions& sessions_;
};

}  // namespace motcua::sim::dvcqg
