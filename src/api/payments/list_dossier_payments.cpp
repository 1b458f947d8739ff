#include <boost/json.hpp>

#include "api/payments/payment_handlers.hpp"
#include "api/payments/payment_json.hpp"
#include "api/query_params.hpp"
#include "services/payments/payment_service.hpp"

namespace motcua::api::payments {
Response ListDossierPayments(ApiContext& context, const Request& request, const std::string& code) {
    if (auto unknown = QueryParams(request).RejectUnknown({}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto listed = context.payments->ListOfDossier(request.actor, code);
    if (!listed) {
        return context.errors.Render(listed.GetError());
    }
    boost::json::array orders;
    for (const auto& order : listed.Value().orders) {
        orders.push_back(OrderToJson(order));
    }
    boost::json::array entries;
    for (const auto& entry : listed.Value().entries) {
        entries.push_back(EntryToJson(entry));
    }
    boost::json::array gateways;
    for (const auto& name : context.payments->GatewayNames()) {
        gateways.push_back(boost::json::value(name));
    }
    return JsonResponse(boost::json::object{{"dossier", code},
                                            {"gateways", std::move(gateways)},
                                            {"orders", std::move(orders)},
                                            {"entries", std::move(entries)}});
}

}  // namespace motcua::api::payments
