// PlatformGateway: the national payment platform as a payment gateway of the payment service
// (services/payments/payment_gateway.hpp): INIT returns the platform's payment page for an
// order, the confirm callback is a signed JSON POST verified here, and QUERY asks the platform
// about one order. The messages are in payment_platform_protocol.hpp (docs/payment_platform.md).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "connectors/http/http_client.hpp"
#include "connectors/payment_platform/payment_platform_protocol.hpp"
#include "services/payments/payment_gateway.hpp"

namespace motcua::connectors {

struct PlatformGatewayOptions {
    PlatformMerchant merchant;
    HttpClientOptions http;  // base_url: set from the merchant's base_url.
};

class PlatformGateway final : public services::PaymentGateway {
public:
    static Outcome<std::unique_ptr<PlatformGateway>> Create(PlatformGatewayOptions options,
                                                            const Clock& clock);
    ~PlatformGateway() override;

    /// "payment_platform".
    std::string_view Name() const override;
    /// Sends INIT (with the receipt's details) and returns the platform's UrlThanhToan.
    Outcome<std::string> Start(const services::GatewayOrder& order) override;
    /// The confirm in the request's body.
    services::GatewayCallback ReadCallback(const services::CallbackRequest& request) const override;
    /// {"error_code": "0" recorded or already, "1" signature, "2" unknown order, "3" amount,
    /// "4" malformed, "99" retry later, "message": …}.
    services::CallbackAnswer Answer(services::CallbackReply reply) const override;
    Outcome<services::GatewayPayment> Query(const services::GatewayOrder& order) override;
    /// The simulator's signed daily report (neither gateway publishes one: docs/payments.md §6).
    Outcome<std::vector<services::GatewayTransaction>> Report(const std::string& day) override;

private:
    PlatformGateway(PlatformGatewayOptions options, const Clock& clock,
                    std::unique_ptr<HttpClient> http);

    PlatformGatewayOptions options_;
    const Clock& clock_;
    std::unique_ptr<HttpClient> http_;
};

}  // namespace motcua::connectors
