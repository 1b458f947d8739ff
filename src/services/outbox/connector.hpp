// Connector: the port through which the outbox dispatcher hands one queued message to one
// external system (docs/connectors.md §1). Implementations live in src/connectors/<system>/ and
// are named only by the composition root (app/). A connector never touches the database: the
// dispatcher reads the message, calls Deliver outside any transaction, and records the result.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/dossier/dossier.hpp"
#include "services/catalog/catalog_snapshot.hpp"

namespace motcua::services {

/// One outbox row as a connector sees it: the dossier as it stands now and the event the row
/// was written for (rows of one dossier are handed over one at a time, in event order).
struct OutboxItem {
    std::int64_t id = 0;  // The outbox row; unique per connector, a natural idempotency key.
    int attempt = 1;      // 1 on the first try.
    bool first_of_dossier = false;  // No earlier row of this dossier was delivered.
    const domain::Dossier& dossier;
    const domain::DossierEvent& event;
    const CatalogSnapshot& catalog;  // Names of the procedure, field and agencies.
};

/// A message row (no dossier) as a connector sees it: its kind and content, e.g. the audit
/// log's head for a witness (docs/connectors.md §5).
struct OutboxMessage {
    std::int64_t id = 0;  // The outbox row.
    int attempt = 1;
    std::string kind;     // "audit_anchor".
    std::string payload;  // JSON, as the writer stored it.
};

enum class DeliveryStatus {
    kDelivered,  // The receiver took it (or already had it): the row is done.
    kFailed,     // Try again later (timeout, 5xx, a malformed answer, refused credentials …).
};

struct DeliveryResult {
    DeliveryStatus status = DeliveryStatus::kFailed;
    std::string sent;    // What went over the wire (request bodies, for the record).
    std::string answer;  // What came back (at most a few KiB of it).
    std::string error;   // Why it failed, for operators (one line, English).
    /// The receiver confirmed that it holds the dossier: the dispatcher records the dossier's
    /// `sync_ack` fact (once per dossier and system).
    bool acknowledged = false;
};

class Connector {
public:
    virtual ~Connector() = default;
    /// The connector's name in the outbox and the configuration ("dvcqg").
    virtual std::string_view Name() const = 0;
    /// Whether the external system hears about events of `action`. Called inside the writing
    /// transaction of every dossier change: must be cheap and must not block.
    virtual bool Wants(domain::DossierAction action) const = 0;
    /// Delivers one message; blocks at most for the connector's timeouts; never throws. Called
    /// from several dispatcher threads at once (never for two rows of one dossier at once).
    virtual DeliveryResult Deliver(const OutboxItem& item) = 0;
    /// Delivers one message row, under the same rules as Deliver. A connector that takes no
    /// messages fails them (they stay for an operator to see).
    virtual DeliveryResult DeliverMessage(const OutboxMessage& message) {
        return {.error = "the " + std::string(Name()) + " connector takes no " + message.kind +
                         " messages"};
    }
};

}  // namespace motcua::services
