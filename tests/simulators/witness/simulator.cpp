// The order of the checks decides which refusal a call that is wrong in several ways gets:
// 404, 405, 503, 401, 413, then a fault may be drawn, then the body is checked (400). Faults are
// thus drawn for authorised calls within the size limit whatever their body, as the DVCQG
// simulator draws them before its field checks.
#include "simulators/witness/simulator.hpp"

#include <boost/json.hpp>

#include "simulators/common/control_switches.hpp"
#include "simulators/common/json_body.hpp"

namespace motcua::sim::witness {
namespace {

constexpr std::string_view kBearer = "bearer ";

// The witness's answers in place of its own under the http_500, huge_body and wrong_types faults.
// The huge body and the wrong types fit both calls: a held anchor and an empty last page.
FaultAnswers WitnessFaultAnswers() {
    return {
        .http_500 = boost::json::serialize(boost::json::object{
            {"error", "internal"}, {"message", "Lỗi hệ thống (internal error)"}}),
        .huge_body = HugeJsonBody(
            R"("status":"held","received_at":"2000-01-01T00:00:00Z","anchors":[],"more":false)"),
        .wrong_types = R"({"status": 201, "received_at": ["x"], "anchors": {"seq": "1"}, )"
                       R"("more": "no"})",
    };
}

bool EqualsIgnoringCase(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] + 32) : text[i];
        if (c != lower[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

Simulator::Simulator(SimulatorOptions options)
    : token_(std::move(options.token)),
      switches_(state_, std::move(options.faults), WitnessFaultAnswers()),
      routes_(state_) {}

SimReply Simulator::Handle(const SimRequest& request) {
    if (request.path.starts_with("/_sim/")) {
        auto reply = switches_.HandleControl(request);
        return reply ? std::move(*reply) : NoControlRoute(request);
    }
    if (request.path == "/v1/anchors") {
        return Call(request, &WitnessRoutes::Record);
    }
    if (request.path == "/v1/anchors/list") {
        return Call(request, &WitnessRoutes::List);
    }
    return ErrorReply(404, "not_found",
                      "Không có đường dẫn " + request.path + " (no route " + request.path + ")");
}

// The scheme is case-insensitive (RFC 9110 §11.1), the token exact.
bool Simulator::Authorised(const SimRequest& request) const {
    if (!request.authorization || request.authorization->size() <= kBearer.size()) {
        return false;
    }
    const std::string_view value = *request.authorization;
    return EqualsIgnoringCase(value.substr(0, kBearer.size()), kBearer) &&
           value.substr(kBearer.size()) == token_;
}

SimReply Simulator::Call(const SimRequest& request,
                         SimReply (WitnessRoutes::*route)(const SimRequest&)) {
    state_.Count(counter::kRequests);
    if (request.method != "POST") {
        return ErrorReply(405, "method_not_allowed", "Chỉ nhận POST (only POST is accepted)");
    }
    if (switches_.IsDown()) {
        state_.Count(counter::kDownRefused);
        return ErrorReply(503, "unavailable",
                          "Dịch vụ chứng thực đang bảo trì (the witness is down)");
    }
    if (!Authorised(request)) {
        state_.Count(counter::kUnauthorized);
        return ErrorReply(401, "unauthorized",
                          "Thiếu hoặc sai mã truy cập (missing or wrong bearer token)");
    }
    if (request.too_large) {
        state_.Count(counter::kInvalid);
        SimReply reply =
            ErrorReply(413, "too_large", "Thân yêu cầu lớn hơn 1 MiB (body larger than 1 MiB)");
        reply.close_after = true;  // The rest of the body was not read.
        return reply;
    }
    return switches_.Call([&] { return (routes_.*route)(request); });
}

}  // namespace motcua::sim::witness
