// The witness protocol v1 (docs/connectors.md §6, README.md "The witness"): recording an anchor
// and listing a source's anchors. The caller has already checked the route, method, token,
// outage and body size; these check the body and answer in the protocol's terms.
#pragma once

#include "simulators/common/exchange.hpp"
#include "simulators/witness/state.hpp"

namespace motcua::sim::witness {

class WitnessRoutes {
public:
    explicit WitnessRoutes(WitnessState& state);

    /// POST /v1/anchors: 201 recorded, 200 held, 409 conflict or 400 invalid.
    SimReply Record(const SimRequest& request);
    /// POST /v1/anchors/list: 200 {"anchors": […], "more": bool} or 400 invalid.
    SimReply List(const SimRequest& request);

private:
    SimReply Invalid(const std::string& message);

    WitnessState& state_;
};

/// The protocol's error answer: {"error": code, "message": message} with `status`.
SimReply ErrorReply(int status, std::string_view code, std::string_view message);

}  // namespace motcua::sim::witness
