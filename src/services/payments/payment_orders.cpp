#include "services/payments/payment_orders.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "domain/catalog/fee_due.hpp"

namespace motcua::services {
namespace {

std::string ItemsJson(const domain::FeeDue& due, std::int64_t paid_before) {
    boost::json::array lines;
    for (const auto& line : due.lines) {
        if (line.amount <= 0) {
            continue;  // Exempt: not asked for.
        }
        lines.push_back(boost::json::object{{"kind", domain::FeeKindName(line.kind)},
                                            {"code", line.code},
                                            {"name_vi", line.name_vi},
                                            {"name_en", line.name_en},
                                            {"quantity", line.quantity},
                                            {"amount_vnd", line.amount}});
    }
    return boost::json::serialize(
        boost::json::object{{"lines", std::move(lines)}, {"paid_before_vnd", paid_before}});
}

Outcome<storage::PaymentOrder> InsertNew(storage::PaymentStore& payments,
                                         storage::PaymentOrder order) {
    MOTCUA_ASSIGN_OR_RETURN(const auto earlier, payments.OrdersOfDossier(order.dossier_id));
    for (const auto& open : earlier) {
        if (open.status == "open") {
            MOTCUA_RETURN_IF_ERROR(payments.UpdateOrder(open.id, "cancelled", open.gateway, ""));
        }
    }
    order.reference = PaymentReference(order.dossier_id, earlier.size() + 1);
    order.status = "open";
    order.paid_at.clear();
    MOTCUA_ASSIGN_OR_RETURN(order.id, payments.InsertOrder(order));
    return order;
}

}  // namespace

Outcome<Done> CancelOpenOrders(storage::PaymentStore& payments, std::int64_t dossier_id) {
    MOTCUA_ASSIGN_OR_RETURN(const auto orders, payments.OrdersOfDossier(dossier_id));
    for (const auto& order : orders) {
        if (order.status == "open") {
            MOTCUA_RETURN_IF_ERROR(payments.UpdateOrder(order.id, "cancelled", order.gateway, ""));
        }
    }
    return Done{};
}

std::string PaymentReference(std::int64_t dossier_id, std::size_t sequence) {
    return "MC" + std::to_string(dossier_id) + "N" + std::to_string(sequence);
}

Outcome<storage::PaymentOrder> OpenPaymentOrder(storage::Transaction& transaction,
                                                const domain::Dossier& dossier,
                                                const domain::Procedure& procedure, Instant at,
                                                const std::string& opened_by,
                                                const std::string& gateway) {
    const std::int64_t outstanding = dossier.fee_total - dossier.paid_total;
    if (outstanding <= 0) {
        return MakeError(ErrorKind::kInvalid, "no_fee_due", "action",
                         "nothing is outstanding on this dossier");
    }
    auto due = domain::ComputeFeeDue(procedure, {dossier.fee_copies, dossier.fee_exemption});
    if (!due) {
        // The catalogue changed since submission (an exemption withdrawn): the dossier's own
        // figure stands, as one lệ phí line.
        domain::FeeDue whole;
        whole.lines.push_back({.kind = domain::FeeKind::kFee,
                               .name_vi = "Số tiền phải nộp",
                               .name_en = "Amount due",
                               .unit_amount = dossier.fee_total,
                               .amount = dossier.fee_total});
        whole.fees = whole.total = dossier.fee_total;
        due = whole;
    }
    storage::PaymentOrder order;
    order.dossier_id = dossier.id;
    order.dossier_code = dossier.code;
    order.agency = dossier.receiving_agency;
    order.amount = outstanding;
    // What was paid before settles the phí first, then the lệ phí (docs/payments.md §2).
    order.charges_amount = std::max<std::int64_t>(0, due.Value().charges - dossier.paid_total);
    order.fees_amount = outstanding - order.charges_amount;
    order.items_json = ItemsJson(due.Value(), dossier.paid_total);
    order.created_at = FormatUtc(at);
    order.created_by = opened_by;
    order.gateway = gateway;
    return InsertNew(transaction.Payments(), std::move(order));
}

std::vector<GatewayOrderItem> ReadOrderItems(const std::string& items_json) {
    std::vector<GatewayOrderItem> items;
    boost::system::error_code error;
    const auto parsed = boost::json::parse(items_json, error);
    if (error || !parsed.is_object()) {
        return items;
    }
    const auto* lines = parsed.as_object().if_contains("lines");
    if (lines == nullptr || !lines->is_array()) {
        return items;
    }
    for (const auto& line : lines->as_array()) {
        const auto* object = line.if_object();
        if (object == nullptr) {
            continue;
        }
        GatewayOrderItem item;
        if (const auto* kind = object->if_contains("kind"); kind && kind->is_string()) {
            item.kind = kind->as_string();
        }
        if (const auto* code = object->if_contains("code"); code && code->is_string()) {
            item.code = code->as_string();
        }
        if (const auto* name = object->if_contains("name_vi"); name && name->is_string()) {
            item.name = name->as_string();
        }
        if (const auto* amount = object->if_contains("amount_vnd"); amount && amount->is_int64()) {
            item.amount_vnd = amount->as_int64();
        }
        items.push_back(std::move(item));
    }
    return items;
}

}  // namespace motcua::services
