#include "api/payments/payment_json.hpp"

#include "api/json/names.hpp"

namespace motcua::api::payments {

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
            {"dossier", entry.dossier_code},
            {"agency", entry.agency},
            {"kind", entry.kind},
            {"channel", entry.channel},
            {"amount_vnd", entry.amount},
            {"gateway_txn", json::StringOrNull(entry.gateway_txn)},
            {"business_date", entry.business_date},
            {"recorded_at", entry.recorded_at},
            {"recorded_by", entry.recorded_by},
            {"reason", json::StringOrNull(entry.reason)},
            {"refund_of", entry.refund_of == 0 ? boost::json::value(nullptr)
                                               : boost::json::value(entry.refund_of)}};
}

boost::json::object ClosingToJson(const storage::DaybookClosing& closing) {
    return {{"agency", closing.agency},
            {"date", closing.business_date},
            {"closed_at", closing.closed_at},
            {"closed_by", closing.closed_by},
            {"last_entry_id", closing.last_entry_id},
            {"entries", closing.entries},
            {"payments_vnd", closing.payments},
            {"refunds_vnd", closing.refunds},
            {"cash_expected_vnd", closing.cash_expected},
            {"cash_counted_vnd", closing.cash_counted},
            {"cash_difference_vnd", closing.cash_counted - closing.cash_expected},
            {"note", json::StringOrNull(closing.note)}};
}

}  // namespace motcua::api::payments
