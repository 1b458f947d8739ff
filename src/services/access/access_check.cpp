#include "services/access/access_check.hpp"

#include "services/audit/audit_entry.hpp"

namespace motcua::services {

Error AccessDenied(const domain::Actor& actor) {
    return actor.IsAnonymous() ? MakeError(ErrorKind::kUnauthenticated, "authentication_required")
                               : MakeError(ErrorKind::kForbidden, "forbidden");
}

Outcome<Done> CheckAccess(storage::Database& database, const Clock& clock,
                          const domain::Actor& actor, domain::Permission permission,
                          const domain::AccessTarget& target,
                          const domain::IsWithinAgency& is_within, const AuditSubject& subject) {
    if (domain::IsAllowed(actor, permission, target, is_within)) {
        return Done{};
    }
    // The refusal itself is evidence: record it (best effort — the refusal stands either way).
    (void)RecordAudit(database, MakeAuditEntry(clock, actor, subject.action, subject.target_kind,
                                               subject.target_id, AuditOutcome::kDenied,
                                               std::string(R"({"permission":")") +
                                                   domain::PermissionName(permission) + "\"}"));
    return AccessDenied(actor);
}

}  // namespace motcua::services
