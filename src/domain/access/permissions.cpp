#include "domain/access/permissions.hpp"

#include "common/name_table.hpp"

namespace motcua::domain {
namespace {

constexpr NameTable<Permission, 17> kPermissionNames{{
    {Permission::kReadCatalog, "read_catalog"},
    {Permission::kImportCatalog, "import_catalog"},
    {Permission::kManageAgencies, "manage_agencies"},
    {Permission::kManageCalendar, "manage_calendar"},
    {Permission::kReadAccounts, "read_accounts"},
    {Permission::kManageAccounts, "manage_accounts"},
    {Permission::kReadAuditLog, "read_audit_log"},
    {Permission::kSubmitDossier, "submit_dossier"},
    {Permission::kReadDossier, "read_dossier"},
    {Permission::kReceiveDossier, "receive_dossier"},
    {Permission::kProcessDossier, "process_dossier"},
    {Permission::kApproveDossier, "approve_dossier"},
    {Permission::kCollectPayment, "collect_payment"},
    {Permission::kImportDossiers, "import_dossiers"},
    {Permission::kHandleFeedback, "handle_feedback"},
    {Permission::kReadIndicators, "read_indicators"},
    {Permission::kManageOutbox, "manage_outbox"},
}};
constexpr NameTable<Scope, 4> kScopeNames{{
    {Scope::kPublic, "public"},
    {Scope::kOwn, "own"},
    {Scope::kAgencySubtree, "agency_subtree"},
    {Scope::kProvince, "province"},
}};

// Calls `visit(grant, scope)` for each grant of the actor that carries the permission.
template <typename Visit>
void ForEachGrantWith(const Actor& actor, Permission permission, Visit visit) {
    for (const auto& grant : actor.grants) {
        for (const auto& entry : kRolePermissions) {
            if (entry.role == grant.role && entry.permission == permission) {
                visit(grant, entry.scope);
            }
        }
    }
}

bool IsPublic(Permission permission) {
    for (const auto& entry : kRolePermissions) {
        if (entry.permission == permission && entry.scope == Scope::kPublic) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool IsAllowed(const Actor& actor, Permission permission, const AccessTarget& target,
               const IsWithinAgency& is_within) {
    if (actor.is_system || IsPublic(permission)) {
        return true;
    }
    bool allowed = false;
    ForEachGrantWith(actor, permission, [&](const RoleGrant& grant, Scope scope) {
        switch (scope) {
            case Scope::kPublic:
            case Scope::kProvince:
                allowed = true;
                break;
            case Scope::kOwn:
                allowed = allowed ||
                          (actor.account_id != 0 && target.owner_account_id == actor.account_id);
                break;
            case Scope::kAgencySubtree:
                allowed = allowed || target.agency_code.empty() ||
                          is_within(target.agency_code, grant.agency_code);
                break;
        }
    });
    return allowed;
}

bool HoldsPermission(const Actor& actor, Permission permission) {
    bool holds = actor.is_system || IsPublic(permission);
    ForEachGrantWith(actor, permission, [&](const RoleGrant&, Scope) { holds = true; });
    return holds;
}

std::vector<std::string> ScopeAgencies(const Actor& actor, Permission permission,
                                       bool& province_wide) {
    province_wide = actor.is_system || IsPublic(permission);
    std::vector<std::string> agencies;
    ForEachGrantWith(actor, permission, [&](const RoleGrant& grant, Scope scope) {
        if (scope == Scope::kProvince || scope == Scope::kPublic) {
            province_wide = true;
        } else if (scope == Scope::kAgencySubtree) {
            agencies.push_back(grant.agency_code);
        }
    });
    return agencies;
}

const char* PermissionName(Permission permission) { return NameOf(kPermissionNames, permission); }
const char* ScopeName(Scope scope) { return NameOf(kScopeNames, scope); }

}  // namespace motcua::domain
