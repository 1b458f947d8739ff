// The order of the checks decides which refusal an API call that is wrong in several ways gets:
// 404, 405, 503, 413, then a fault may be drawn, then the body is checked (an error_code with
// HTTP 200). The pages under /pay/ suffer neither faults nor outages: they stand for the
// applicant's browser session, which the tests drive separately.
#include "simulators/payment_platform/simulator.hpp"

#include <boost/json.hpp>

#include "simulators/common/json_body.hpp"
#include "simulators/payment_platform/pages.hpp"
#include "simulators/payment_platform/settlement.hpp"

namespace motcua::sim::payment_platform {
namespace {

constexpr std::string_view kPayPrefix = "/pay/";
constexpr std::string_view kHtml = "text/html; charset=utf-8";

FaultAnswers PlatformFaultAnswers() {
    return {
        .http_500 = boost::json::serialize(boost::json::object{
            {"error_code", code::kUnavailable}, {"message", "Lỗi hệ thống (internal error)"}}),
        .huge_body = HugeJsonBody(R"("error_code":"0","message":"{}")"),
        .wrong_types = R"({"error_code": 0, "message": {"UrlThanhToan": 1, "MaLoi": 0}})",
    };
}

SimReply HtmlReply(int status, std::string body) {
    SimReply reply;
    reply.status = status;
    reply.content_type = std::string(kHtml);
    reply.body = std::move(body);
    return reply;
}

// The value of `name` in an application/x-www-form-urlencoded body (the buttons' values need
// no decoding).
std::string FormValue(std::string_view body, std::string_view name) {
    while (!body.empty()) {
        const auto end = body.find('&');
        const std::string_view pair = body.substr(0, end);
        if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
            return std::string(pair.substr(name.size() + 1));
        }
        body = end == std::string_view::npos ? std::string_view() : body.substr(end + 1);
    }
    return "";
}

}  // namespace

Simulator::Simulator(const SimulatorOptions& options)
    : state_(options.confirm_url, options.scenario),
      sender_(state_, {.partner_code = options.partner_code,
                       .secret = options.secret,
                       .retries = options.confirm_retries,
                       .retry_ms = options.confirm_retry_ms}),
      switches_(state_, options.faults, PlatformFaultAnswers()),
      routes_(state_, options.partner_code, options.secret),
      control_(state_, sender_, switches_) {}

void Simulator::SetPublicUrl(std::string url) { routes_.SetPublicUrl(std::move(url)); }

SimReply Simulator::Handle(const SimRequest& request) {
    if (request.path.starts_with("/_sim/")) {
        return control_.Handle(request);
    }
    if (request.path == "/api/thanhtoan/init") {
        return Call(request, &PlatformRoutes::Init);
    }
    if (request.path == "/api/thanhtoan/query") {
        return Call(request, &PlatformRoutes::Query);
    }
    if (request.path == "/api/thanhtoan/bienlai") {
        return Call(request, &PlatformRoutes::Receipt);
    }
    if (request.path == "/api/thanhtoan/report") {
        return Call(request, &PlatformRoutes::Report);
    }
    if (request.path.starts_with(kPayPrefix)) {
        return Page(request);
    }
    return PlatformAnswer(code::kMethod, "Không có đường dẫn (no route " + request.path + ")", 404);
}

SimReply Simulator::Call(const SimRequest& request,
                         SimReply (PlatformRoutes::*route)(const SimRequest&)) {
    state_.Count(counter::kRequests);
    if (request.method != "POST") {
        return PlatformAnswer(code::kMethod, "Chỉ nhận POST (only POST is accepted)", 405);
    }
    if (switches_.IsDown()) {
        state_.Count(counter::kDownRefused);
        return PlatformAnswer(code::kUnavailable,
                              "Nền tảng thanh toán đang bảo trì (the platform is down)", 503);
    }
    if (request.too_large) {
        state_.Count(counter::kRefused);
        SimReply reply = PlatformAnswer(code::kMethod,
                                        "Thân yêu cầu lớn hơn 1 MiB (body larger than 1 MiB)", 413);
        reply.close_after = true;  // The rest of the body was not read.
        return reply;
    }
    return switches_.Call([&] { return (routes_.*route)(request); });
}

SimReply Simulator::Page(const SimRequest& request) {
    const std::string reference = request.path.substr(kPayPrefix.size());
    const auto transaction = state_.Find(reference);
    if (!transaction) {
        return HtmlReply(404, NoticePage("Không có giao dịch này", "no such transaction"));
    }
    if (request.method == "GET") {
        return HtmlReply(200, transaction->status == PaymentStatus::kPending
                                  ? PayPage(*transaction)
                                  : DonePage(*transaction));
    }
    if (request.method != "POST") {
        return HtmlReply(405, NoticePage("Phương thức không hỗ trợ", "method not allowed"));
    }
    const auto result = OutcomeResult(FormValue(request.body, "outcome"));
    if (!result) {
        return HtmlReply(400, NoticePage("Lựa chọn không hợp lệ", "unknown outcome"));
    }
    const Settlement settlement =
        SettlePayment(state_, sender_, reference, *result, state_.Merchant().Scenario());
    if (!settlement.transaction) {
        return HtmlReply(409, NoticePage("Giao dịch đã được xử lý", "already settled"));
    }
    if (settlement.transaction->return_url.empty()) {
        return HtmlReply(200, DonePage(*settlement.transaction));
    }
    SimReply reply = HtmlReply(303, "");
    reply.location = ReturnLocation(*settlement.transaction);
    return reply;
}

}  // namespace motcua::sim::payment_platform
