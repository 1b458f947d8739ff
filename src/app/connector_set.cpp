#include "app/connector_set.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <utility>

#include "connectors/dvcqg/dvcqg_connector.hpp"
#include "connectors/payment_platform/platform_gateway.hpp"
#include "connectors/tsa/tsa_connector.hpp"
#include "connectors/vnpay/vnpay_gateway.hpp"
#include "connectors/witness/witness_connector.hpp"

namespace motcua::app {
namespace {

Error Missing(const std::string& key, const std::string& detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_config", key, detail);
}

// A credential: the first line of `file` (setting `file_key`) when set, else `value`.
Outcome<std::string> ReadSecret(const std::string& value, const std::string& file_path,
                                const std::string& file_key) {
    if (file_path.empty()) {
        return value;
    }
    std::ifstream file(file_path);
    std::string line;
    if (!file || !std::getline(file, line)) {
        return Missing(file_key, "cannot read " + file_path);
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
        line.pop_back();
    }
    return line;
}

}  // namespace

ConnectorSet::ConnectorSet() = default;
ConnectorSet::~ConnectorSet() = default;
ConnectorSet::ConnectorSet(ConnectorSet&&) noexcept = default;
ConnectorSet& ConnectorSet::operator=(ConnectorSet&&) noexcept = default;

namespace {

// The audit witness (docs/connectors.md §5), when witness_mode is not off.
Outcome<Done> BuildWitness(const ConnectorConfig& config, ConnectorSet& set) {
    const WitnessConfig& witness = config.witness;
    if (witness.mode == services::ConnectorMode::kOff) {
        return Done{};
    }
    for (const auto& [key, value] :
         {std::pair{"witness_url", &witness.url}, std::pair{"witness_source", &witness.source}}) {
        if (value->empty()) {
            return Missing(key, "is needed when witness_mode is queue or deliver");
        }
    }
    connectors::WitnessOptions options;
    MOTCUA_ASSIGN_OR_RETURN(options.token,
                            ReadSecret(witness.token, witness.token_file, "witness_token_file"));
    if (options.token.empty()) {
        return Missing("witness_token", "is needed when witness_mode is queue or deliver");
    }
    options.http.base_url = witness.url;
    options.http.request_timeout = std::chrono::milliseconds(witness.timeout_ms);
    options.http.connect_timeout =
        std::min(options.http.request_timeout, std::chrono::milliseconds(3000));
    options.http.ca_file = witness.ca_file;
    options.source = witness.source;
    auto created = connectors::WitnessConnector::Create(std::move(options));
    if (!created) {
        return Missing("witness_url", created.GetError().detail);
    }
    set.witness = std::move(created).Value();
    set.audit_witness = set.witness.get();
    if (witness.mode == services::ConnectorMode::kDeliver) {
        set.delivering.push_back(set.witness.get());
    }
    return Done{};
}

// The time-stamp authority of signed results (docs/e-results.md §3), when its URL is set.
Outcome<Done> BuildTsa(const TsaConfig& tsa, ConnectorSet& set) {
    if (tsa.url.empty()) {
        return Done{};
    }
    connectors::HttpClientOptions http;
    http.request_timeout = std::chrono::milliseconds(tsa.timeout_ms);
    http.connect_timeout = std::min(http.request_timeout, std::chrono::milliseconds(3000));
    http.ca_file = tsa.ca_file;
    auto created = connectors::TsaConnector::Create(tsa.url, std::move(http));
    if (!created) {
        return Missing("signing_tsa_url", created.GetError().detail);
    }
    set.tsa = std::move(created).Value();
    set.timestamps = set.tsa.get();
    return Done{};
}

// The settings every gateway needs when it is on; `prefix` is "vnpay_" or "payment_platform_".
Outcome<std::string> CheckGateway(const GatewayConfig& gateway, const std::string& prefix,
                                  const std::string& merchant_key) {
    if (gateway.url.empty()) {
        return Missing(prefix + "url", "is needed when " + prefix + "mode is queue or deliver");
    }
    if (gateway.merchant.empty()) {
        return Missing(prefix + merchant_key,
                       "is needed when " + prefix + "mode is queue or deliver");
    }
    MOTCUA_ASSIGN_OR_RETURN(
        auto secret, ReadSecret(gateway.secret, gateway.secret_file, prefix + "secret_file"));
    if (secret.empty()) {
        return Missing(prefix + "secret", "is needed when " + prefix + "mode is queue or deliver");
    }
    return secret;
}

connectors::HttpClientOptions GatewayHttp(const GatewayConfig& gateway) {
    connectors::HttpClientOptions http;
    http.request_timeout = std::chrono::milliseconds(gateway.timeout_ms);
    http.connect_timeout = std::min(http.request_timeout, std::chrono::milliseconds(3000));
    http.ca_file = gateway.ca_file;
    return http;
}

// VNPay and the national payment platform (docs/payments.md §3), when their mode is not off.
Outcome<Done> BuildGateways(const PaymentConfig& payments, const Clock& clock, ConnectorSet& set) {
    if (payments.vnpay.mode != services::ConnectorMode::kOff) {
        MOTCUA_ASSIGN_OR_RETURN(auto secret, CheckGateway(payments.vnpay, "vnpay_", "tmn_code"));
        connectors::VnpayGatewayOptions options;
        options.merchant = {payments.vnpay.merchant, std::move(secret), payments.vnpay.url,
                            payments.vnpay.api_url};
        options.http = GatewayHttp(payments.vnpay);
        auto created = connectors::VnpayGateway::Create(std::move(options), clock);
        if (!created) {
            return Missing("vnpay_url", created.GetError().detail);
        }
        set.vnpay = std::move(created).Value();
        set.payment_gateways.push_back({set.vnpay.get(), payments.vnpay.mode});
    }
    if (payments.platform.mode != services::ConnectorMode::kOff) {
        MOTCUA_ASSIGN_OR_RETURN(
            auto secret, CheckGateway(payments.platform, "payment_platform_", "partner_code"));
        connectors::PlatformGatewayOptions options;
        options.merchant = {payments.platform.merchant, std::move(secret), payments.platform.url};
        options.http = GatewayHttp(payments.platform);
        auto created = connectors::PlatformGateway::Create(std::move(options), clock);
        if (!created) {
            return Missing("payment_platform_url", created.GetError().detail);
        }
        set.payment_platform = std::move(created).Value();
        set.payment_gateways.push_back({set.payment_platform.get(), payments.platform.mode});
    }
    return Done{};
}

}  // namespace

Outcome<ConnectorSet> BuildConnectors(const ConnectorConfig& config, const Clock& clock) {
    ConnectorSet set;
    MOTCUA_RETURN_IF_ERROR(BuildWitness(config, set));
    MOTCUA_RETURN_IF_ERROR(BuildTsa(config.tsa, set));
    MOTCUA_RETURN_IF_ERROR(BuildGateways(config.payments, clock, set));
    const DvcqgConfig& dvcqg = config.dvcqg;
    if (dvcqg.mode != services::ConnectorMode::kOff) {
        if (dvcqg.url.empty()) {
            return Missing("dvcqg_url", "is needed when dvcqg_mode is queue or deliver");
        }
        if (dvcqg.unit_code.empty()) {
            return Missing("dvcqg_unit_code", "is needed when dvcqg_mode is queue or deliver");
        }
        MOTCUA_ASSIGN_OR_RETURN(
            auto password, ReadSecret(dvcqg.password, dvcqg.password_file, "dvcqg_password_file"));
        connectors::DvcqgOptions options;
        options.http.base_url = dvcqg.url;
        options.http.request_timeout = std::chrono::milliseconds(dvcqg.timeout_ms);
        options.http.connect_timeout =
            std::min(options.http.request_timeout, std::chrono::milliseconds(3000));
        options.http.ca_file = dvcqg.ca_file;
        options.http.max_idle_connections = std::max(8, config.outbox.workers);
        options.username = dvcqg.username;
        options.password = std::move(password);
        options.unit_code = dvcqg.unit_code;
        auto created = connectors::DvcqgConnector::Create(std::move(options));
        if (!created) {
            return Missing("dvcqg_url", created.GetError().detail);
        }
        set.dvcqg = std::move(created).Value();
        set.routing->Add(*set.dvcqg, dvcqg.mode);
        set.portal = set.dvcqg.get();
        if (dvcqg.mode == services::ConnectorMode::kDeliver) {
            set.delivering.push_back(set.dvcqg.get());
        }
    }
    return set;
}

}  // namespace motcua::app
