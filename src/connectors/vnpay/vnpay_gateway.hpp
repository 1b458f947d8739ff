// VnpayGateway: VNPay as a payment gateway of the payment service (services/payments/
// payment_gateway.hpp). The pay URL is built and signed here (no call to VNPay); the IPN is a
// GET whose query string is verified here; querydr asks VNPay about one order. The protocol's
// details are in vnpay_protocol.hpp and vnpay_query.hpp.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "connectors/http/http_client.hpp"
#include "connectors/vnpay/vnpay_protocol.hpp"
#include "services/payments/payment_gateway.hpp"

namespace motcua::connectors {

struct VnpayGatewayOptions {
    VnpayMerchant merchant;
    std::chrono::minutes expire_after{15};  // vnp_ExpireDate after the order is sent.
    std::string server_ip = "127.0.0.1";    // vnp_IpAddr of querydr calls.
    HttpClientOptions http;                 // base_url: set from the merchant's api_url.
};

class VnpayGateway final : public services::PaymentGateway {
public:
    /// Prepares the querydr client (fails on a bad URL or CA file); connects lazily.
    static Outcome<std::unique_ptr<VnpayGateway>> Create(VnpayGatewayOptions options,
                                                         const Clock& clock);
    ~VnpayGateway() override;

    /// "vnpay".
    std::string_view Name() const override;
    Outcome<std::string> Start(const services::GatewayOrder& order) override;
    /// The IPN's query string.
    services::GatewayCallback ReadCallback(const services::CallbackRequest& request) const override;
    /// {"RspCode": …, "Message": …}: 00 recorded, 02 already, 01 unknown order, 04 amount,
    /// 97 signature, 99 otherwise.
    services::CallbackAnswer Answer(services::CallbackReply reply) const override;
    Outcome<services::GatewayPayment> Query(const services::GatewayOrder& order) override;
    /// The simulator's signed daily report (neither gateway publishes one: docs/payments.md §6).
    Outcome<std::vector<services::GatewayTransaction>> Report(const std::string& day) override;

private:
    VnpayGateway(VnpayGatewayOptions options, const Clock& clock, std::unique_ptr<HttpClient> http);

    VnpayGatewayOptions options_;
    const Clock& clock_;
    std::unique_ptr<HttpClient> http_;
};

}  // namespace motcua::connectors
