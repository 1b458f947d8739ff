// AuditWitness: the port to a remote witness of the audit log (docs/connectors.md §5). The anchor
// job sends each new head of the hash chain to it through the outbox (a message row of kind
// "audit_anchor"); `motcua audit verify` reads back every anchor it holds and checks that the
// rows they name are still in the database, unchanged. Whoever deletes the newest audit rows,
// rolls the head back and rewrites the local anchor file cannot reach the witness's copy. The
// connector (src/connectors/witness/) implements both this port and the outbox's Connector.
#pragma once

#include <string_view>
#include <vector>

#include "common/outcome.hpp"
#include "storage/audit_anchor_file.hpp"

namespace motcua::services {

/// The chain's head (seq, hash) at a UTC time, as anchored.
using AuditAnchor = storage::AuditAnchor;

class AuditWitness {
public:
    virtual ~AuditWitness() = default;
    /// The connector's name in the outbox and the configuration ("witness").
    virtual std::string_view WitnessName() const = 0;
    /// Every anchor the witness holds for this installation, by ascending seq; kUnavailable when
    /// it cannot be reached or answers nonsense.
    virtual Outcome<std::vector<AuditAnchor>> ListAnchors() = 0;
};

}  // namespace motcua::services
