// AuditService: reading the audit log (auditors only; the reading is itself audited) and
// verifying its hash chain end to end (`motcua audit verify`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "services/catalog/catalog_service.hpp"
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
    std::int64_t head_seq = 0;  // the head as recorded; ship it off-box to detect trailing deletion
    std::string head_hash;
};

class AuditService {
public:
    AuditService(storage::Database& database, CatalogService& catalog, const Clock& clock,
                 std::string key);

    /// Returns records newest first; `filter.before_seq` comes from the cursor.
    Outcome<AuditPage> Query(const domain::Actor& actor, storage::AuditFilter filter,
                             const std::string& cursor);
    /// Walks the whole chain and checks every link, content hash and the recorded head.
    Outcome<AuditVerification> Verify();

private:
    storage::Database& database_;
    CatalogService& catalog_;
    const Clock& clock_;
    std::string key_;
};

}  // namespace motcua::services
