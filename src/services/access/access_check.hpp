// CheckAccess: the one authorization gate every service command and query passes. It asks the
// permission table (domain/access/permissions.hpp) and, when the answer is no, records the
// refusal in the audit log and returns 401 for the anonymous public or 403 for a signed-in actor.
#pragma once

#include <string>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/permissions.hpp"
#include "storage/database.hpp"

namespace motcua::services {

/// What the audit log names when it records the attempt.
struct AuditSubject {
    std::string action;
    std::string target_kind;
    std::string target_id;
};

Outcome<Done> CheckAccess(storage::Database& database, const Clock& clock,
                          const domain::Actor& actor, domain::Permission permission,
                          const domain::AccessTarget& target,
                          const domain::IsWithinAgency& is_within, const AuditSubject& subject);

/// The error for an actor who may not do something: 401 when anonymous, else 403.
Error AccessDenied(const domain::Actor& actor);

}  // namespace motcua::services
