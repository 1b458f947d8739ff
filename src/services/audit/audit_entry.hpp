// Builds audit records for the services: every write, and every read of a person's data, is
// recorded with who, what, which record, when, from where and the outcome.
#pragma once

#include <string>

#include "common/clock.hpp"
#include "domain/access/actor.hpp"
#include "domain/audit/audit_chain.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace motcua::services {

enum class AuditOutcome { kOk, kDenied, kFailed };

/// Returns the record of `actor` doing `action` to `target_kind`/`target_id` at the clock's now.
/// `detail` is a JSON object text and must never hold a secret.
domain::AuditRecord MakeAuditEntry(const Clock& clock, const domain::Actor& actor,
                                   std::string action, std::string target_kind,
                                   std::string target_id, AuditOutcome outcome,
                                   std::string detail = "{}");

/// Appends `record` to the audit log of `transaction`.
Outcome<Done> AppendAudit(storage::Transaction& transaction, domain::AuditRecord record);
/// Records `record` on its own (a read, a refusal, a failed attempt), durably, through the
/// backend's shared commit for such records (Database::WriteAudit).
Outcome<Done> RecordAudit(storage::Database& database, domain::AuditRecord record);

}  // namespace motcua::services
