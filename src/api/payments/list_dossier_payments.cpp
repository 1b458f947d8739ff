#include <boost/json.hpp>

#include "api/json/names.hpp"
#include "api/payments/payment_handlers.hpp"
#include "api/query_params.hpp"
#include "services/payments/payment_service.hpp"

namespace motcua::api::payments {
namespace {

boost::json::object OrderToJson(const storage::PaymentOrder& order) {
    boost::system::error_code error;
    auto items = boost::json::parse(order.items_json, error);
    const auto* lines =
        !error && items.is_object() ? items.as_object().if_contains("lines") : nullptr;
    return {{"reference", order.reference},
            {"amount_vnd", order.amount},
            {"fees_vnd", order.fees_amount},
            {"charges_vnd", order.charges_amount},
            {"items", lines != nullptr ? *lines : boost::json::array{}},
            {"status", order.status},
            {"gateway", json::StringOrNull(order.gateway)},
            {"created_at", order.created_at},
            {"paid_at", json::StringOrNull(order.paid_at)}};
}

boost::json::object EntryToJson(const storage::LedgerEntry& entry) {
    return {{"id", entry.id},
            {"kind", entry.kind},
            {"channel", entry.channel},
            {"amount_vnd", entry.amount},
            {"gateway_txn", json::StringOrNull(entry.gateway_txn)},
            {"business_date", entry.business_date},
            {"recorded_at", entry.recorded_at},
            {"reason", json::StringOrNull(entry.reason)}};
}

}  // namespace

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
