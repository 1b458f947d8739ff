// AuditService: reading the audit log (auditors only; the reading is itself audited) and
// verifying its hash chain end to end (`motcua audit verify`).
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
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
    std::int64_t anchors = 0;  // Anchors checked (storage/audit_anchor_file.hpp).
};

class AuditService {
public:
    /// `anchors`: the file the chain's head is anchored in outside the database.
    AuditService(storage::Database& database, CatalogService& catalog, const Clock& clock,
                 std::string key, storage::AuditAnchorFile anchors);

    /// Returns records newest first; `filter.before_seq` comes from the cursor.
    Outcome<AuditPage> Query(const domain::Actor& actor, storage::AuditFilter filter,
                             const std::string& cursor);
    /// Walks the whole chain and checks every link, content hash and the recorded head, and
    /// that every anchored row is still there, unchanged (no newest rows deleted).
    Outcome<AuditVerification> Verify();
    /// Appends the chain's head to the anchor file when it moved since the last anchor; returns
    /// whether it appended (the anchor job of `serve`).
    Outcome<bool> AnchorHead();

private:
    storage::Database& database_;
    CatalogService& catalog_;
    const Clock& clock_;
    std::string key_;
    storage::AuditAnchorFile anchors_;
    std::mutex anchor_mutex_;
    std::int64_t anchored_seq_ = -1;  // The last anchor's seq; -1 until the file was read.
};

}  // namespace motcua::services
