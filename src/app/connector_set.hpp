// ConnectorSet: the connectors to external systems this process runs, built from the
// configuration (app/connector_config.hpp), and the outbox routing that sends dossier events to
// them. The only code that names a concrete connector.
#pragma once

#include <memory>
#include <vector>

#include "app/connector_config.hpp"
#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "services/audit/audit_witness.hpp"
#include "services/outbox/connector.hpp"
#include "services/outbox/outbox_routing.hpp"
#include "services/payments/payment_gateway.hpp"
#include "services/portal/national_portal.hpp"
#include "services/results/timestamp_authority.hpp"

namespace motcua::connectors {
class DvcqgConnector;
class WitnessConnector;
class TsaConnector;
class VnpayGateway;
class PlatformGateway;
}  // namespace motcua::connectors

namespace motcua::app {

struct ConnectorSet {
    ConnectorSet();
    ~ConnectorSet();
    ConnectorSet(ConnectorSet&&) noexcept;
    ConnectorSet& operator=(ConnectorSet&&) noexcept;

    std::unique_ptr<connectors::DvcqgConnector> dvcqg;      // Null when dvcqg_mode = off.
    std::unique_ptr<connectors::WitnessConnector> witness;  // Null when witness_mode = off.
    std::unique_ptr<connectors::TsaConnector> tsa;          // Null without signing_tsa_url.
    std::shared_ptr<services::OutboxRouting> routing = std::make_shared<services::OutboxRouting>();
    std::vector<services::Connector*> delivering;  // The connectors in deliver mode.
    // The portal read from (queue or deliver mode; the periodic pulls run in deliver mode).
    services::NationalPortal* portal = nullptr;
    // The audit witness the anchors are queued for (queue or deliver mode) and verified against.
    services::AuditWitness* audit_witness = nullptr;
    // The time-stamp authority of signed results (null: results are not stamped).
    services::TimestampAuthority* timestamps = nullptr;

    // The online payment gateways offered to applicants (docs/payments.md §3).
    std::unique_ptr<connectors::VnpayGateway> vnpay;
    std::unique_ptr<connectors::PlatformGateway> payment_platform;
    struct OfferedGateway {
        services::PaymentGateway* gateway = nullptr;
        services::ConnectorMode mode = services::ConnectorMode::kQueue;  // kDeliver: checked.
    };
    std::vector<OfferedGateway> payment_gateways;
};

/// Builds the configured connectors; fails naming the setting that is missing or wrong (a
/// password file that cannot be read, a URL without a scheme, …).
Outcome<ConnectorSet> BuildConnectors(const ConnectorConfig& config, const Clock& clock);

}  // namespace motcua::app
