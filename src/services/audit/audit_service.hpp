// AuditService: reading the audit log (auditors only; the reading is itself audited), verifying
// its hash chain end to end (`motcua audit verify`) and anchoring its head outside the database:
// in an append-only file and, when one is configured, at a remote witness through the outbox.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "services/audit/audit_witness.hpp"
#include "services/catalog/catalog_service.hpp"
#include "storage/audit_anchor_file.hpp"
#include "storage/database.hpp"

namespace motcua::services {

struct AuditPage {
    std::vector<domain::AuditRecord> items;
    std::string next_cursor;
};

struct AuditVerification {
    bool ok = true;
    std::int64_t records = 0;
    std::int64_t failed_seq = 0;
    std::string reason;
    std::int64_t head_seq = 0;  // The head as recorded.
    std::string head_hash;
    std::int64_t anchors = 0;    // Anchors checked (storage/audit_anchor_file.hpp).
    std::int64_t witnessed = 0;  // Of them, held by the witness (audit_witness.hpp).
    bool witness_checked = false;
};

class AuditService {
public:
    /// `anchors`: the file the chain's head is anchored in outside the database; `witness`
    /// (null: none) the remote witness the anchors are also sent to, through the outbox.
    AuditService(storage::Database& database, CatalogService& catalog, const Clock& clock,
                 std::string key, storage::AuditAnchorFile anchors,
                 AuditWitness* witness = nullptr);

    /// Returns records newest first; `filter.before_seq` comes from the cursor.
    Outcome<AuditPage> Query(const domain::Actor& actor, storage::AuditFilter filter,
                             const std::string& cursor);
    /// Walks the whole chain and checks every link, content hash and the recorded head, and
    /// that every anchored row is still there, unchanged (no newest rows deleted) — the anchors
    /// of the file and those the witness holds, which must agree with each other. Fails
    /// (kUnavailable) when a witness is configured and cannot be read.
    Outcome<AuditVerification> Verify();
    /// Appends the chain's head to the anchor file when it moved since the last anchor, and
    /// queues it for the witness in the same step; returns whether it anchored (the anchor job
    /// of `serve`).
    Outcome<bool> AnchorHead();

private:
    storage::Database& database_;
    CatalogService& catalog_;
    const Clock& clock_;
    std::string key_;
    storage::AuditAnchorFile anchors_;
    AuditWitness* witness_;
    std::mutex anchor_mutex_;
    std::int64_t anchored_seq_ = -1;  // The last anchor's seq; -1 until the file was read.
};

}  // namespace motcua::services
