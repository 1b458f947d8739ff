#include "services/outbox/outbox_routing.hpp"

#include "common/time_format.hpp"

namespace motcua::services {

void OutboxRouting::Add(Connector& connector, ConnectorMode mode) {
    if (mode != ConnectorMode::kOff) {
        connectors_.push_back({&connector, mode});
    }
}

Outcome<Done> OutboxRouting::Enqueue(storage::Transaction& transaction,
                                     const domain::Dossier& dossier,
                                     const domain::DossierEvent& event) const {
    for (const auto& routed : connectors_) {
        if (!routed.connector->Wants(event.action)) {
            continue;
        }
        MOTCUA_RETURN_IF_ERROR(
            transaction.Outbox().Enqueue({.connector = std::string(routed.connector->Name()),
                                          .dossier_id = dossier.id,
                                          .dossier_code = dossier.code,
                                          .event_seq = event.seq,
                                          .action = domain::ActionName(event.action),
                                          .created_at = FormatUtc(event.at)}));
    }
    return Done{};
}

}  // namespace motcua::services
