// PaymentCheckConnector: the outbox's side of a lost callback (docs/payments.md §3). Each order
// sent to a gateway queues a "payment_check" message for the gateway's name, due a while after;
// the dispatcher hands it here and the payment service asks the gateway about the order. A
// payment the gateway confirms is recorded as its callback would have been; an order still
// pending fails the delivery, so the outbox asks again with its back-off, and an order paid or
// closed meanwhile is done. It hears no dossier event.
#pragma once

#include <string>
#include <string_view>

#include "services/outbox/connector.hpp"
#include "services/payments/payment_service.hpp"

namespace motcua::services {

class PaymentCheckConnector final : public Connector {
public:
    PaymentCheckConnector(PaymentService& payments, std::string gateway)
        : payments_(payments), gateway_(std::move(gateway)) {}

    std::string_view Name() const override { return gateway_; }
    bool Wants(domain::DossierAction /*action*/) const override { return false; }
    DeliveryResult Deliver(const OutboxItem& item) override;
    DeliveryResult DeliverMessage(const OutboxMessage& message) override;

private:
    PaymentService& payments_;
    std::string gateway_;
};

}  // namespace motcua::services
