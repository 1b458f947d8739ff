// The order of the checks: 404, 405, 503 (outage), 413, then for the API routes a fault may be
// drawn before the body is read, as the other simulators draw theirs.
#include "simulators/vnpay/simulator.hpp"

#include <boost/json.hpp>

#include "connectors/vnpay/vnpay_protocol.hpp"
#include "connectors/vnpay/vnpay_query.hpp"
#include "simulators/common/control_switches.hpp"
#include "simulators/vnpay/pages.hpp"

namespace motcua::sim::vnpay {
namespace {

// VNPay's answers in place of its own under the http_500, huge_body and wrong_types faults.
FaultAnswers VnpayFaultAnswers() {
    return {
        .http_500 =
            R"json({"vnp_ResponseCode":"99","vnp_Message":"Lỗi hệ thống (internal error)"})json",
        .huge_body = HugeJsonBody(
            R"("vnp_ResponseCode":"00","vnp_Message":"QueryDR Success","transactions":[])"),
        .wrong_types =
            R"({"vnp_ResponseCode": ["00"], "vnp_Amount": {"v": 1}, )"
            R"("vnp_TransactionStatus": true, "vnp_SecureHash": 7, "transactions": "x"})",
    };
}

SimReply Unavailable(bool page) {
    SimReply reply;
    reply.status = 503;
    if (page) {
        reply = ErrorPage("99", "Hệ thống đang bảo trì (VNPay is down for maintenance)");
        reply.status = 503;
    } else {
        reply.body =
            R"json({"vnp_ResponseCode":"99","vnp_Message":"Hệ thống đang bảo trì (down)"})json";
    }
    return reply;
}

SimReply MethodNotAllowed(std::string_view allowed) {
    return ControlError(405, "only " + std::string(allowed) + " is accepted");
}

}  // namespace

Simulator::Simulator(SimulatorOptions options)
    : state_(std::move(options.ipn_url), options.scenario),
      switches_(state_, std::move(options.faults), VnpayFaultAnswers()),
      gateway_(std::move(options.gateway), state_),
      api_(gateway_.Options(), state_),
      control_(state_, gateway_, switches_) {}

SimReply Simulator::Handle(const SimRequest& request) {
    if (request.path.starts_with("/_sim/")) {
        return control_.Handle(request);
    }
    const bool page = request.path == connectors::kVnpayPayPath;
    const bool pay = request.path == "/paymentv2/pay";
    if (page || pay) {
        if (request.method != (page ? "GET" : "POST")) {
            return MethodNotAllowed(page ? "GET" : "POST");
        }
        if (switches_.IsDown()) {
            state_.Count(counter::kDownRefused);
            return Unavailable(true);
        }
        return page ? gateway_.PayPage(request) : gateway_.Pay(request);
    }
    if (request.path == connectors::kVnpayApiPath) {
        return Api(request, &MerchantApi::QueryDr);
    }
    if (request.path == connectors::kVnpayReportPath) {
        return Api(request, &MerchantApi::Report);
    }
    return ControlError(404,
                        "Không có đường dẫn " + request.path + " (no route " + request.path + ")");
}

SimReply Simulator::Api(const SimRequest& request,
                        SimReply (MerchantApi::*route)(const SimRequest&)) {
    state_.Count(counter::kApiRequests);
    if (request.method != "POST") {
        return MethodNotAllowed("POST");
    }
    if (switches_.IsDown()) {
        state_.Count(counter::kDownRefused);
        return Unavailable(false);
    }
    if (request.too_large) {
        SimReply reply = ControlError(413, "body larger than 1 MiB");
        reply.close_after = true;
        return reply;
    }
    return switches_.Call([&] { return (api_.*route)(request); });
}

}  // namespace motcua::sim::vnpay
