// The order of the checks decides which refusal a call that is wrong in several ways gets:
// 404, 405, 503, 413, then a fault may be drawn, then the request is stamped (OpenSSL answers a
// request it cannot read with a rejection of its own, as a TSA does: HTTP 200, PKIStatus 2).
#include "simulators/tsa/simulator.hpp"

#include <stdexcept>

#include <boost/json.hpp>

#include "simulators/common/control_switches.hpp"
#include "simulators/common/json_body.hpp"

namespace motcua::sim::tsa {
namespace {

constexpr long kGranted = 0;  // PKIStatus granted (RFC 3161 §2.4.2).
constexpr std::string_view kGarbage =
    "Đây không phải TimeStampResp (this is not a TimeStampResp)\n";

SimReply Text(int status, std::string text) {
    SimReply reply;
    reply.status = status;
    reply.body = std::move(text);
    reply.content_type = "text/plain; charset=utf-8";
    return reply;
}

SimReply TimeStampReply(std::string der) {
    SimReply reply;
    reply.body = std::move(der);
    reply.content_type = std::string(kReplyType);
    return reply;
}

// The TSA's answers in place of its own under the http_500, huge_body and wrong_types faults
// (sent with the listener's JSON Content-Type, as every simulator's are).
FaultAnswers TsaFaultAnswers() {
    return {
        .http_500 = "Lỗi hệ thống (internal error)",
        .huge_body = std::string(kHugeBodyBytes, '\0'),
        .wrong_types = Stamper::GrantedWithoutToken(),
    };
}

}  // namespace

Simulator::Simulator(Stamper stamper, FaultPlan faults)
    : stamper_(std::move(stamper)), switches_(state_, std::move(faults), TsaFaultAnswers()) {
    state_.SetPolicy(stamper_.Policy());
}

SimReply Simulator::Handle(const SimRequest& request) {
    if (request.path == "/_sim/answer") {
        return AnswerRoute(request);
    }
    if (request.path.starts_with("/_sim/")) {
        auto reply = switches_.HandleControl(request);
        return reply ? std::move(*reply) : NoControlRoute(request);
    }
    if (request.path == "/tsa") {
        return Call(request);
    }
    return Text(404, "Không có đường dẫn " + request.path + " (no route " + request.path + ")\n");
}

// GET: {"answer": "<mode>"}; POST {"answer": "<mode>"}: that answer from now on.
SimReply Simulator::AnswerRoute(const SimRequest& request) {
    if (request.method == "GET") {
        return JsonReply({{"answer", AnswerModeName(state_.Mode())}});
    }
    if (request.method != "POST") {
        return NoControlRoute(request);
    }
    const auto body = ControlBody(request.body);
    const boost::json::value* answer = body ? body->if_contains("answer") : nullptr;
    const auto mode = answer && answer->is_string()
                          ? ParseAnswerMode(std::string_view(answer->get_string()))
                          : std::nullopt;
    if (!mode) {
        return ControlError(400,
                            "answer: must be one of stamp, rejection, wrong_imprint, wrong_nonce, "
                            "garbage, truncated");
    }
    state_.SetMode(*mode);
    return JsonReply({{"answer", AnswerModeName(*mode)}});
}

SimReply Simulator::Call(const SimRequest& request) {
    state_.Count(counter::kRequests);
    if (request.method != "POST") {
        return Text(405, "Chỉ nhận POST (only POST is accepted)\n");
    }
    if (switches_.IsDown()) {
        state_.Count(counter::kDownRefused);
        return Text(503, "Dịch vụ cấp dấu thời gian đang bảo trì (the TSA is down)\n");
    }
    if (request.too_large) {
        state_.Count(counter::kInvalid);
        SimReply reply = Text(413, "Thân yêu cầu lớn hơn 1 MiB (body larger than 1 MiB)\n");
        reply.close_after = true;  // The rest of the body was not read.
        return reply;
    }
    return switches_.Call([&] { return Stamp(request); });
}

SimReply Simulator::Stamp(const SimRequest& request) {
    const AnswerMode mode = state_.Mode();
    if (mode == AnswerMode::kGarbage) {
        state_.Count(counter::kSpoiled);
        return TimeStampReply(std::string(kGarbage));
    }
    StampAnswer answer;
    try {
        answer = stamper_.Answer(request.body,
                                 mode == AnswerMode::kTruncated ? AnswerMode::kStamp : mode,
                                 [this] { return state_.NextSerial(); });
    } catch (const std::runtime_error& error) {
        return Text(500, std::string("OpenSSL: ") + error.what() + "\n");
    }
    if (!answer.checked) {
        state_.Count(counter::kInvalid);
    } else if (mode == AnswerMode::kRejection) {
        state_.Count(counter::kRejected);
    } else if (answer.status == kGranted && answer.stamp) {
        state_.Count(mode == AnswerMode::kStamp ? counter::kIssued : counter::kSpoiled);
        state_.Keep(*std::move(answer.stamp));
    }
    if (mode == AnswerMode::kTruncated) {
        answer.der.resize(answer.der.size() / 2);
    }
    return TimeStampReply(std::move(answer.der));
}

}  // namespace motcua::sim::tsa
