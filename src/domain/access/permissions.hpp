// The permission table: which role may do what, and over which scope. One declarative table
// (kRolePermissions) is the whole policy; docs/permissions.md renders it for people, and the
// authorization matrix test checks every endpoint against it.
//   Scope kPublic: anyone, signed in or not. kOwn: records the actor owns (a citizen's dossiers,
//   their own account). kAgencySubtree: records of the grant's agency and the agencies under it.
//   kProvince: everything.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "domain/access/actor.hpp"
#include "domain/access/role.hpp"

namespace motcua::domain {

enum class Permission {
    kReadCatalog,     // Procedures, agencies, fields, calendar.
    kImportCatalog,   // Import or change procedures and fields.
    kManageAgencies,  // Import or change the agency tree.
    kManageCalendar,  // Record days off and make-up working days.
    kReadAccounts,    // See officer and citizen accounts.
    kManageAccounts,  // Create, disable, reset passwords, grant roles.
    kReadAuditLog,    // Read the audit log.
    kSubmitDossier,   // Submit online (citizen, organisation).
    kReadDossier,     // Read a dossier and its history.
    kReceiveDossier,  // Receive at the desk, accept or refuse, return results.
    kProcessDossier,  // Process, forward, request supplementation.
    kApproveDossier,  // Approve and sign.
    kCollectPayment,  // Collect fees at the desk.
    kImportDossiers,  // Import dossier history from a previous system.
    kHandleFeedback,  // Handle feedback and petitions (PAKN).
    kReadIndicators,  // Read the 766 index and plan indicators of an agency.
    kManageOutbox,    // See and steer what is sent to national systems (the outbox).
};

enum class Scope { kPublic, kOwn, kAgencySubtree, kProvince };

struct RolePermission {
    Role role;
    Permission permission;
    Scope scope;
};

/// The policy. Anonymous callers get only what a kPublic entry of any role grants.
inline constexpr RolePermission kRolePermissions[] = {
    {Role::kCitizen, Permission::kReadCatalog, Scope::kPublic},
    {Role::kCitizen, Permission::kSubmitDossier, Scope::kOwn},
    {Role::kCitizen, Permission::kReadDossier, Scope::kOwn},
    {Role::kCitizen, Permission::kReadAccounts, Scope::kOwn},
    {Role::kOrganisation, Permission::kSubmitDossier, Scope::kOwn},
    {Role::kOrganisation, Permission::kReadDossier, Scope::kOwn},
    {Role::kOrganisation, Permission::kReadAccounts, Scope::kOwn},
    {Role::kClerk, Permission::kReadDossier, Scope::kAgencySubtree},
    {Role::kClerk, Permission::kReceiveDossier, Scope::kAgencySubtree},
    {Role::kClerk, Permission::kCollectPayment, Scope::kAgencySubtree},
    {Role::kSpecialist, Permission::kReadDossier, Scope::kAgencySubtree},
    {Role::kSpecialist, Permission::kProcessDossier, Scope::kAgencySubtree},
    {Role::kHead, Permission::kReadDossier, Scope::kAgencySubtree},
    {Role::kHead, Permission::kProcessDossier, Scope::kAgencySubtree},
    {Role::kHead, Permission::kApproveDossier, Scope::kAgencySubtree},
    {Role::kHead, Permission::kReadIndicators, Scope::kAgencySubtree},
    {Role::kCashier, Permission::kReadDossier, Scope::kAgencySubtree},
    {Role::kCashier, Permission::kCollectPayment, Scope::kAgencySubtree},
    {Role::kFeedbackOfficer, Permission::kHandleFeedback, Scope::kAgencySubtree},
    {Role::kAgencyAdmin, Permission::kReadAccounts, Scope::kAgencySubtree},
    {Role::kAgencyAdmin, Permission::kManageAccounts, Scope::kAgencySubtree},
    {Role::kAgencyAdmin, Permission::kReadIndicators, Scope::kAgencySubtree},
    {Role::kProvinceAdmin, Permission::kImportCatalog, Scope::kProvince},
    {Role::kProvinceAdmin, Permission::kManageAgencies, Scope::kProvince},
    {Role::kProvinceAdmin, Permission::kManageCalendar, Scope::kProvince},
    {Role::kProvinceAdmin, Permission::kReadAccounts, Scope::kProvince},
    {Role::kProvinceAdmin, Permission::kManageAccounts, Scope::kProvince},
    {Role::kProvinceAdmin, Permission::kImportDossiers, Scope::kProvince},
    {Role::kProvinceAdmin, Permission::kReadIndicators, Scope::kProvince},
    {Role::kProvinceAdmin, Permission::kManageOutbox, Scope::kProvince},
    {Role::kAuditor, Permission::kReadAuditLog, Scope::kProvince},
    {Role::kAuditor, Permission::kReadIndicators, Scope::kProvince},
};

/// What an action touches: the agency it belongs to and, for personal records, the owner.
/// An empty agency means "no particular agency" (e.g. listing, then filtered by scope).
struct AccessTarget {
    std::string agency_code;
    std::int64_t owner_account_id = 0;
};

/// Answers whether agency `code` is `ancestor` or lies in its subtree.
using IsWithinAgency = std::function<bool(std::string_view code, std::string_view ancestor)>;

/// Returns true when `actor` may use `permission` on `target`.
bool IsAllowed(const Actor& actor, Permission permission, const AccessTarget& target,
               const IsWithinAgency& is_within);
/// Returns true when some grant of `actor` carries `permission` at any scope (for listings
/// that are then filtered by scope).
bool HoldsPermission(const Actor& actor, Permission permission);
/// Returns the agencies whose subtrees `actor` may use `permission` in; `province_wide` is set
/// when a grant covers everything.
std::vector<std::string> ScopeAgencies(const Actor& actor, Permission permission,
                                       bool& province_wide);

const char* PermissionName(Permission permission);
const char* ScopeName(Scope scope);

}  // namespace motcua::domain
