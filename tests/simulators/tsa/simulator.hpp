// The simulated TSA as one handler: the control routes, then for POST /tsa the checks every call
// passes in order (method, outage, body size), the fault plan, and the answer the tests chose
// (README.md). The listener calls Handle for every request, from several threads.
#pragma once

#include "simulators/common/exchange.hpp"
#include "simulators/common/switches.hpp"
#include "simulators/tsa/stamper.hpp"
#include "simulators/tsa/state.hpp"

namespace motcua::sim::tsa {

/// The Content-Type of every TimeStampResp (RFC 3161 §3.4).
inline constexpr std::string_view kReplyType = "application/timestamp-reply";

class Simulator {
public:
    Simulator(Stamper stamper, FaultPlan faults);
    SimReply Handle(const SimRequest& request);

private:
    SimReply Call(const SimRequest& request);
    SimReply Stamp(const SimRequest& request);
    SimReply AnswerRoute(const SimRequest& request);

    const Stamper stamper_;
    TsaState state_;
    Switches switches_;
};

}  // namespace motcua::sim::tsa
