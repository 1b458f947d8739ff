// WitnessConnector: MotCua's link with a remote witness of the audit log (docs/connectors.md §5).
// It delivers the outbox's "audit_anchor" messages — POST /v1/anchors, idempotent — and reads
// back what the witness holds for `motcua audit verify` (POST /v1/anchors/list, page by page).
// It hears no dossier event. One instance serves every dispatcher thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/outcome.hpp"
#include "connectors/http/http_client.hpp"
#include "services/audit/audit_witness.hpp"
#include "services/outbox/connector.hpp"

namespace motcua::connectors {

struct WitnessOptions {
    HttpClientOptions http;  // base_url: where /v1/anchors lives.
    std::string token;       // Sent as "Authorization: Bearer <token>".
    std::string source;      // This installation's name at the witness.
};

class WitnessConnector final : public services::Connector, public services::AuditWitness {
public:
    /// Prepares the HTTP client (fails on a bad base URL or CA file); connects lazily.
    static Outcome<std::unique_ptr<WitnessConnector>> Create(WitnessOptions options);
    ~WitnessConnector() override;

    /// "witness".
    std::string_view Name() const override;
    std::string_view WitnessName() const override { return Name(); }
    /// No dossier event: the witness hears only the anchors.
    bool Wants(domain::DossierAction action) const override;
    /// A dossier item is never queued for the witness: fails it.
    services::DeliveryResult Deliver(const services::OutboxItem& item) override;
    /// Sends one anchor; delivered when the witness recorded it (201) or already held it (200).
    /// A conflict (409: it holds another hash for that row) fails with the held hash named.
    services::DeliveryResult DeliverMessage(const services::OutboxMessage& message) override;
    /// Every anchor the witness holds for `source`, by ascending seq.
    Outcome<std::vector<services::AuditAnchor>> ListAnchors() override;

private:
    WitnessConnector(WitnessOptions options, std::unique_ptr<HttpClient> http);
    HttpHeaders Headers() const;

    WitnessOptions options_;
    std::unique_ptr<HttpClient> http_;
};

}  // namespace motcua::connectors
