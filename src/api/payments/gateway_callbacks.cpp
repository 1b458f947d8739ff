#include "api/payments/payment_handlers.hpp"
#include "services/payments/payment_service.hpp"

namespace motcua::api::payments {
namespace {

bool IsGateway(const ApiContext& context, const std::string& gateway) {
    return context.payments->FindGateway(gateway) != nullptr;
}

/// The gateways' parameters: VNPay's vnp_*, the platform's return (MaThamChieu, MaLoi). Anything
/// else is refused, as every route refuses a parameter it does not know.
Outcome<Done> RejectForeignParameters(const Request& request) {
    for (const auto& [key, value] : request.query) {
        if (!key.starts_with("vnp_") && key != "MaThamChieu" && key != "MaLoi") {
            return MakeError(ErrorKind::kInvalid, "invalid_parameter", key);
        }
    }
    return Done{};
}

std::string_view QueryString(const Request& request) {
    const auto mark = request.target.find('?');
    return mark == std::string::npos ? std::string_view{}
                                     : std::string_view(request.target).substr(mark + 1);
}

}  // namespace

Response GatewayCallback(ApiContext& context, const Request& request, const std::string& gateway) {
    if (auto checked = RejectForeignParameters(request); !checked) {
        return context.errors.Render(checked.GetError());
    }
    if (!IsGateway(context, gateway)) {
        return context.errors.Render(MakeError(ErrorKind::kNotFound, "unknown_gateway", gateway));
    }
    const auto answer =
        context.payments->HandleCallback(gateway, {QueryString(request), request.body});
    Response response;
    response.content_type = answer.content_type;
    response.body = answer.body;
    return response;
}

Response GatewayReturn(ApiContext& context, const Request& request, const std::string& gateway) {
    if (auto checked = RejectForeignParameters(request); !checked) {
        return context.errors.Render(checked.GetError());
    }
    if (!IsGateway(context, gateway)) {
        return context.errors.Render(MakeError(ErrorKind::kNotFound, "unknown_gateway", gateway));
    }
    std::string reference;
    for (const auto& [key, value] : request.query) {
        if (key == "vnp_TxnRef" || key == "MaThamChieu") {
            reference = value;
        }
    }
    const auto code = context.payments->DossierOfReference(reference);
    // Dossier codes are letters, digits, '.' and '-': nothing to escape in the page.
    const std::string target =
        code.empty() ? "/ho-so-cua-toi" : "/ho-so/" + code + "?thanh-toan=ve";
    Response response;
    response.content_type = "text/html; charset=utf-8";
    response.body =
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"refresh\" content=\"0; url=" +
        target +
        "\">"
        "<title>Quay lại hồ sơ</title></head><body><p><a id=\"back\" href=\"" +
        target + "\">Quay lại hồ sơ (Back to the dossier)</a></p></body></html>";
    response.With("Cache-Control", "no-store");
    return response;
}

}  // namespace motcua::api::payments
