#include "services/payments/payment_check_connector.hpp"

#include <boost/json.hpp>

namespace motcua::services {

DeliveryResult PaymentCheckConnector::Deliver(const OutboxItem& item) {
    return {.error = "the " + gateway_ + " gateway hears no dossier event (row " +
                     std::to_string(item.id) + ")"};
}

DeliveryResult PaymentCheckConnector::DeliverMessage(const OutboxMessage& message) {
    if (message.kind != kPaymentCheckMessage) {
        return Connector::DeliverMessage(message);
    }
    boost::system::error_code error;
    const auto payload = boost::json::parse(message.payload, error);
    const auto* reference =
        !error && payload.is_object() ? payload.as_object().if_contains("reference") : nullptr;
    if (reference == nullptr || !reference->is_string()) {
        return {.error = "a payment_check message without a reference"};
    }
    const std::string wanted(reference->as_string());
    auto checked = payments_.CheckOrder(gateway_, wanted);
    if (!checked) {
        return {.sent = wanted,
                .error = checked.GetError().code + ": " + checked.GetError().detail};
    }
    switch (checked.Value()) {
        case OrderCheck::kRecorded:
            return {.status = DeliveryStatus::kDelivered, .sent = wanted, .answer = "paid"};
        case OrderCheck::kClosed:
            return {.status = DeliveryStatus::kDelivered, .sent = wanted, .answer = "closed"};
        case OrderCheck::kPending:
            break;
    }
    return {.sent = wanted, .answer = "pending", .error = "not settled yet"};
}

}  // namespace motcua::services
