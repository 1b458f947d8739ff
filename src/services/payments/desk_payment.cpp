#include "services/payments/desk_payment.hpp"

#include "common/time_format.hpp"
#include "services/payments/payment_orders.hpp"

namespace motcua::services {

Outcome<Done> RecordDeskPayment(storage::Transaction& transaction, const domain::Dossier& paid,
                                const domain::ActionInput& input) {
    auto& payments = transaction.Payments();
    MOTCUA_ASSIGN_OR_RETURN(const auto orders, payments.OrdersOfDossier(paid.id));
    const storage::PaymentOrder* settled = nullptr;
    for (const auto& order : orders) {
        // An order sent to a gateway is left to it: should the applicant pay there too, that
        // credit is recorded against its own order, and reconciliation lists it to refund.
        if (order.status == "open" && order.gateway.empty() && order.amount == input.amount) {
            settled = &order;
            break;
        }
    }
    storage::LedgerEntry entry;
    entry.order_id = settled != nullptr ? settled->id : 0;
    entry.dossier_id = paid.id;
    entry.dossier_code = paid.code;
    entry.agency = paid.receiving_agency;
    entry.channel = input.payment_method.empty() ? "cash" : input.payment_method;
    entry.amount = input.amount;
    entry.gateway_txn = input.payment_reference;
    entry.business_date = FormatVietnam(input.at).substr(0, 10);
    entry.recorded_at = FormatUtc(input.at);
    entry.recorded_by = input.actor_login;
    if (auto recorded = payments.RecordEntry(entry); !recorded) {
        Error error = recorded.GetError();
        error.param = "reference";
        return error;
    }
    if (settled != nullptr) {
        MOTCUA_RETURN_IF_ERROR(
            payments.UpdateOrder(settled->id, "paid", settled->gateway, FormatUtc(input.at)));
    }
    if (paid.paid_total >= paid.fee_total) {
        return CancelOpenOrders(payments, paid.id);
    }
    return Done{};
}

}  // namespace motcua::services
