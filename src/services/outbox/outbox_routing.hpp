// OutboxRouting: which connectors hear about dossier events, and whether their rows are only
// queued or also delivered (docs/connectors.md §1). The dossier commands call Enqueue in the
// transaction of every event they append, so the outbox row commits with the event or not at all.
#pragma once

#include <vector>

#include "common/outcome.hpp"
#include "domain/dossier/dossier.hpp"
#include "services/outbox/connector.hpp"
#include "storage/transaction.hpp"

namespace motcua::services {

enum class ConnectorMode {
    kOff,      // No rows are written.
    kQueue,    // Rows are written and kept: delivery waits until the connector is turned on.
    kDeliver,  // Rows are written and the dispatcher delivers them.
};

struct RoutedConnector {
    Connector* connector = nullptr;
    ConnectorMode mode = ConnectorMode::kOff;
};

class OutboxRouting {
public:
    /// Routes events to `connector` (kept by the caller for the routing's lifetime).
    void Add(Connector& connector, ConnectorMode mode);
    /// Writes one outbox row per connector that wants `event` of `dossier` (stored already: its
    /// id is known).
    Outcome<Done> Enqueue(storage::Transaction& transaction, const domain::Dossier& dossier,
                          const domain::DossierEvent& event) const;
    const std::vector<RoutedConnector>& GetConnectors() const { return connectors_; }

private:
    std::vector<RoutedConnector> connectors_;
};

}  // namespace motcua::services
