#include <boost/json.hpp>

#include "api/json/request_body.hpp"
#include "api/payments/payment_handlers.hpp"
#include "api/query_params.hpp"
#include "services/payments/payment_service.hpp"

namespace motcua::api::payments {
namespace {

/// {"gateway": "vnpay" | "payment_platform", "locale"?: "vn" | "en"}, nothing else.
Outcome<services::OnlineStart> ReadStart(const boost::json::object& body) {
    services::OnlineStart start;
    for (const auto& [key, value] : body) {
        const auto* text = value.if_string();
        if (key == "gateway" && text != nullptr &&
            (*text == "vnpay" || *text == "payment_platform")) {
            start.gateway = *text;
        } else if (key == "locale" && text != nullptr && (*text == "vn" || *text == "en")) {
            start.locale = *text;
        } else {
            return json::InvalidField(key);
        }
    }
    if (start.gateway.empty()) {
        return json::InvalidField("gateway");
    }
    return start;
}

/// "http://host[:port]" of the request, when its Host header is a plain host[:port].
std::string RequestSite(const Request& request) {
    const std::string_view host = request.Header("host");
    if (host.empty() ||
        host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                               "0123456789.-:[]") != std::string_view::npos) {
        return {};  // The return URL falls back to public_base_url.
    }
    return "http://" + std::string(host);
}

}  // namespace

Response StartPayment(ApiContext& context, const Request& request, const std::string& code) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto body = json::ParseJsonBody(request);
    if (!body) {
        return context.errors.Render(body.GetError());
    }
    auto start = ReadStart(body.Value());
    if (!start) {
        return context.errors.Render(start.GetError());
    }
    start.Value().ip = request.remote_address;
    start.Value().site = RequestSite(request);
    auto started = context.payments->StartOnline(request.actor, code, start.Value());
    if (!started) {
        return context.errors.Render(started.GetError());
    }
    const auto& order = started.Value().order;
    return JsonResponse(boost::json::object{{"reference", order.reference},
                                            {"amount_vnd", order.amount},
                                            {"gateway", order.gateway},
                                            {"pay_url", started.Value().pay_url}},
                        201);
}

}  // namespace motcua::api::payments
