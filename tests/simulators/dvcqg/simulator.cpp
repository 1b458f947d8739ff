#include "simulators/dvcqg/simulator.hpp"

#include <boost/json.hpp>

namespace motcua::sim::dvcqg {

namespace {

constexpr std::size_t kHugeBodyBytes = std::size_t{5} * 1024 * 1024;

// A well-formed success of 5 MiB: only its size is wrong (the connector's limit is 1 MiB).
const std::string& HugeBody() {
    static const std::string body = [] {
        std::string text = R"({"error_code":"0","message":"thành công","padding":")";
        text.append(kHugeBodyBytes - text.size() - 2, 'x');
        text += "\"}";
        return text;
    }();
    return body;
}

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

Simulator::Simulator(SimulatorOptions options)
    : catalog_(std::move(options.catalog)),
      sessions_(options.session_lifetime),
      faults_(options.faults),
      services_(std::move(options.portal), state_, sessions_, catalog_),
      control_(state_, faults_, outage_, sessions_, options.faults) {}

SimReply Simulator::Handle(const SimRequest& request) {
    if (request.path.starts_with("/_sim/")) {
        return control_.Handle(request);
    }
    if (request.path == "/auth" || request.path == "/api") {
        return Portal(request);
    }
    return JsonReply({{"error_code", "404"}, {"message", "Không tìm thấy " + request.path}}, 404);
}

SimReply Simulator::Portal(const SimRequest& request) {
    state_.Count(counter::kRequests);
    if (request.method != "POST") {
        return JsonReply({{"error_code", "405"}, {"message", "Chỉ nhận POST"}}, 405);
    }
    if (outage_.IsDown()) {
        state_.Count(counter::kDownRefused);
        return JsonReply({{"error_code", "503"}, {"message", "Cổng DVCQG đang bảo trì"}}, 503);
    }
    if (request.too_large) {
        state_.Count(counter::kInvalid);
        state_.Count(counter::kTooLarge);
        SimReply reply =
            JsonReply({{"error_code", "413"}, {"message", "Thân yêu cầu lớn hơn 1 MiB"}}, 413);
        reply.close_after = true;  // The rest of the body was not read.
        return reply;
    }
    if (const auto fault = faults_.Draw()) {
        state_.CountFault(FaultName(*fault));
        return WithFault(*fault, request);
    }
    return request.path == "/auth" ? services_.Auth(request) : services_.Api(request);
}

SimReply Simulator::WithFault(FaultKind kind, const SimRequest& request) {
    const FaultPlan plan = faults_.Plan();
    const auto apply = [&] {
        return request.path == "/auth" ? services_.Auth(request) : services_.Api(request);
    };
    switch (kind) {
        case FaultKind::kTimeout:
            return Closing(std::chrono::milliseconds(plan.timeout_ms));
        case FaultKind::kHttp500:
            return JsonReply({{"error_code", "500"}, {"message", "Lỗi hệ thống"}}, 500);
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
            return Raw(200, HugeBody());
        case FaultKind::kWrongTypes:
            return Raw(200, R"({"error_code": 0, "message": ["x"]})");
        case FaultKind::kClose:
            return Closing(std::chrono::milliseconds(0));
    }
    return Closing(std::chrono::milliseconds(0));
}

}  // namespace motcua::sim::dvcqg
