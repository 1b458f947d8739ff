#include "services/audit/audit_entry.hpp"

#include "common/time_format.hpp"

namespace motcua::services {

domain::AuditRecord MakeAuditEntry(const Clock& clock, const domain::Actor& actor,
                                   std::string action, std::string target_kind,
                                   std::string target_id, AuditOutcome outcome,
                                   std::string detail) {
    domain::AuditRecord record;
    record.at = FormatUtc(clock.Now());
    record.actor_id = actor.account_id;
    record.actor_login = actor.is_system       ? "system:" + actor.name
                         : actor.login.empty() ? std::string("anonymous")
                                               : actor.login;
    record.action = std::move(action);
    record.target_kind = std::move(target_kind);
    record.target_id = std::move(target_id);
    // Caller-supplied identifiers are bounded: the log cannot be inflated through them.
    constexpr std::size_t kMaxField = 200;
    for (auto* field : {&record.actor_login, &record.target_id}) {
        if (field->size() > kMaxField) {
            field->resize(kMaxField);
        }
    }
    record.remote_address = actor.remote_address;
    switch (outcome) {
        case AuditOutcome::kOk:
            record.outcome = "ok";
            break;
        case AuditOutcome::kDenied:
            record.outcome = "denied";
            break;
        case AuditOutcome::kFailed:
            record.outcome = "failed";
            break;
    }
    record.detail = std::move(detail);
    return record;
}

Outcome<Done> AppendAudit(storage::Transaction& transaction, domain::AuditRecord record) {
    return transaction.Audit().Append(std::move(record));
}

Outcome<Done> RecordAudit(storage::Database& database, domain::AuditRecord record) {
    // A copy per attempt: the backend may run the work again after a shared commit failed.
    return database.WriteAudit(
        [&](storage::Transaction& transaction) { return AppendAudit(transaction, record); });
}

}  // namespace motcua::services
