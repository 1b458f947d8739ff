// The faults as replies: delays and closes are left to the listener (SimReply's delay and
// delivery), so that a held answer waits on a timer rather than on a thread.
#include "simulators/common/fault_reply.hpp"

namespace motcua::sim {
namespace {

SimReply Closing(std::chrono::milliseconds delay) {
    SimReply reply;
    reply.delivery = Delivery::kClose;
    reply.delay = delay;
    return reply;
}

SimReply Raw(int status, std::string body) {
    SimReply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

}  // namespace

std::string HugeJsonBody(std::string_view fields) {
    std::string text = "{";
    text.append(fields);
    text += R"(,"padding":")";
    text.append(kHugeBodyBytes - text.size() - 2, 'x');
    text += "\"}";
    return text;
}

SimReply FaultedReply(FaultKind kind, const FaultPlan& plan, const FaultAnswers& answers,
                      const std::function<SimReply()>& apply) {
    switch (kind) {
        case FaultKind::kTimeout:
            return Closing(std::chrono::milliseconds(plan.timeout_ms));
        case FaultKind::kHttp500:
            return Raw(500, answers.http_500);
        case FaultKind::kDropAck:
            apply();
            return Closing(std::chrono::milliseconds(0));
        case FaultKind::kSlow: {
            SimReply reply = apply();
            reply.delay = std::chrono::milliseconds(plan.slow_ms);
            return reply;
        }
        case FaultKind::kInvalidJson:
            return Raw(200, "{not json");
        case FaultKind::kHugeBody:
            return Raw(200, answers.huge_body);
        case FaultKind::kWrongTypes:
            return Raw(200, answers.wrong_types);
        case FaultKind::kClose:
            return Closing(std::chrono::milliseconds(0));
    }
    return Closing(std::chrono::milliseconds(0));
}

}  // namespace motcua::sim
