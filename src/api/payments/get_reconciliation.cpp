#include <optional>
#include <string>

#include <boost/json.hpp>

#include "api/json/names.hpp"
#include "api/payments/payment_handlers.hpp"
#include "api/query_params.hpp"
#include "services/payments/reconciliation.hpp"

namespace motcua::api::payments {
namespace {

boost::json::value AmountOrNull(bool known, std::int64_t amount) {
    return known ? boost::json::value(amount) : boost::json::value(nullptr);
}

boost::json::array ItemsToJson(const std::vector<services::ReconciliationItem>& items) {
    boost::json::array listed;
    for (const auto& item : items) {
        const bool reported = !item.gateway_txn.empty() || item.gateway_amount != 0;
        const bool recorded = item.ledger_id != 0;
        listed.push_back({{"reference", json::StringOrNull(item.reference)},
                          {"dossier", json::StringOrNull(item.dossier_code)},
                          {"gateway_txn", json::StringOrNull(item.gateway_txn)},
                          {"gateway_amount_vnd", AmountOrNull(reported, item.gateway_amount)},
                          {"ledger_id", recorded ? boost::json::value(item.ledger_id) : nullptr},
                          {"ledger_txn", json::StringOrNull(item.ledger_txn)},
                          {"ledger_amount_vnd", AmountOrNull(recorded, item.ledger_amount)},
                          {"recorded_on", json::StringOrNull(item.recorded_on)}});
    }
    return listed;
}

}  // namespace

Response GetReconciliation(ApiContext& context, const Request& request) {
    const QueryParams params(request);
    if (auto unknown = params.RejectUnknown({"gateway", "date"}); !unknown) {
        return context.errors.Render(unknown.GetError());
    }
    auto gateway = params.NonEmptyText("gateway");
    auto date = params.NonEmptyText("date");
    if (!gateway) {
        return context.errors.Render(gateway.GetError());
    }
    if (!date) {
        return context.errors.Render(date.GetError());
    }
    const std::optional<std::string>& gateway_name = gateway.Value();
    if (!gateway_name) {
        return context.errors.Render(
            MakeError(ErrorKind::kInvalid, "invalid_parameter", "gateway"));
    }
    auto run = context.reconciliation->Run(request.actor, *gateway_name,
                                           date.Value().value_or(std::string()));
    if (!run) {
        return context.errors.Render(run.GetError());
    }
    const auto& result = run.Value();
    boost::json::array unapplied;
    for (const auto& credit : result.unapplied) {
        unapplied.push_back({{"dossier", credit.dossier_code},
                             {"ledger_paid_vnd", credit.ledger_paid},
                             {"dossier_paid_vnd", credit.dossier_paid},
                             {"unapplied_vnd", credit.ledger_paid - credit.dossier_paid},
                             {"refunded_vnd", credit.refunded}});
    }
    return JsonResponse(boost::json::object{{"gateway", result.gateway},
                                            {"date", result.date},
                                            {"balanced", result.Balanced()},
                                            {"gateway_count", result.gateway_count},
                                            {"gateway_total_vnd", result.gateway_total},
                                            {"ledger_count", result.ledger_count},
                                            {"ledger_total_vnd", result.ledger_total},
                                            {"matched", ItemsToJson(result.matched)},
                                            {"missing", ItemsToJson(result.missing)},
                                            {"extra", ItemsToJson(result.extra)},
                                            {"mismatched", ItemsToJson(result.mismatched)},
                                            {"unapplied", std::move(unapplied)}});
}

}  // namespace motcua::api::payments
