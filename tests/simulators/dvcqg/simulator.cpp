#include "simulators/dvcqg/simulator.hpp"

#include <boost/json.hpp>

#include "simulators/common/json_body.hpp"

namespace motcua::sim::dvcqg {

namespace {

// The portal's answers in place of its own under the http_500, huge_body and wrong_types faults.
// The huge body is a well-formed success of 5 MiB: only its size is wrong (the connector's limit
// is 1 MiB).
FaultAnswers PortalFaultAnswers() {
    return {
        .http_500 = boost::json::serialize(
            boost::json::object{{"error_code", "500"}, {"message", "Lỗi hệ thống"}}),
        .huge_body = HugeJsonBody(R"("error_code":"0","message":"thành công")"),
        .wrong_types = R"({"error_code": 0, "message": ["x"]})",
    };
}

}  // namespace

Simulator::Simulator(SimulatorOptions options)
    : catalog_(std::move(options.catalog)),
      sessions_(options.session_lifetime),
      switches_(state_, std::move(options.faults), PortalFaultAnswers()),
      services_(std::move(options.portal), state_, sessions_, catalog_),
      control_(state_, switches_, sessions_) {}

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
    if (switches_.IsDown()) {
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
    return switches_.Call(
        [&] { return request.path == "/auth" ? services_.Auth(request) : services_.Api(request); });
}

}  // namespace motcua::sim::dvcqg
