#include "domain/access/permissions.hpp"

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

// Agencies: H32 ⊃ H32.02, H32 ⊃ H32.22333 (a ward).
bool IsWithin(std::string_view code, std::string_view ancestor) {
    return code == ancestor || (ancestor == "H32" && code.substr(0, 4) == "H32.");
}

Actor Officer(Role role, std::string agency) {
    Actor actor;
    actor.account_id = 7;
    actor.kind = AccountKind::kOfficer;
    actor.grants = {{role, std::move(agency)}};
    return actor;
}

TEST(Permissions, EveryPermissionHasANameAndSomeHolder) {
    for (const auto& entry : kRolePermissions) {
        EXPECT_STRNE(PermissionName(entry.permission), "");
        EXPECT_STRNE(ScopeName(entry.scope), "");
        EXPECT_TRUE(IsRoleAllowedFor(entry.role == Role::kCitizen ? AccountKind::kCitizen
                                     : entry.role == Role::kOrganisation
                                         ? AccountKind::kOrganisation
                                         : AccountKind::kOfficer,
                                     entry.role));
    }
}

TEST(Permissions, AnonymousGetsOnlyPublicPermissions) {
    const auto anonymous = Actor::Anonymous("203.0.113.9");
    EXPECT_TRUE(IsAllowed(anonymous, Permission::kReadCatalog, {}, IsWithin));
    EXPECT_FALSE(IsAllowed(anonymous, Permission::kSubmitDossier, {}, IsWithin));
    EXPECT_FALSE(IsAllowed(anonymous, Permission::kReadAuditLog, {}, IsWithin));
}

TEST(Permissions, AgencyScopeCoversOnlyTheSubtree) {
    const auto ward_clerk = Officer(Role::kClerk, "H32.22333");
    EXPECT_TRUE(IsAllowed(ward_clerk, Permission::kReceiveDossier, {"H32.22333", 0}, IsWithin));
    EXPECT_FALSE(IsAllowed(ward_clerk, Permission::kReceiveDossier, {"H32.22334", 0}, IsWithin));
    EXPECT_FALSE(IsAllowed(ward_clerk, Permission::kApproveDossier, {"H32.22333", 0}, IsWithin));
    const auto admin = Officer(Role::kAgencyAdmin, "H32");
    EXPECT_TRUE(IsAllowed(admin, Permission::kManageAccounts, {"H32.22333", 0}, IsWithin));
    const auto department_admin = Officer(Role::kAgencyAdmin, "H32.02");
    EXPECT_FALSE(
        IsAllowed(department_admin, Permission::kManageAccounts, {"H32.22333", 0}, IsWithin));
}

TEST(Permissions, OwnScopeMeansTheSameAccount) {
    Actor citizen;
    citizen.account_id = 42;
    citizen.grants = {{Role::kCitizen, ""}};
    EXPECT_TRUE(IsAllowed(citizen, Permission::kReadDossier, {"H32.22333", 42}, IsWithin));
    EXPECT_FALSE(IsAllowed(citizen, Permission::kReadDossier, {"H32.22333", 43}, IsWithin));
}

TEST(Permissions, AuditorReadsTheLogButManagesNothing) {
    const auto auditor = Officer(Role::kAuditor, "H32");
    EXPECT_TRUE(IsAllowed(auditor, Permission::kReadAuditLog, {}, IsWithin));
    EXPECT_FALSE(IsAllowed(auditor, Permission::kManageAccounts, {}, IsWithin));
    EXPECT_FALSE(IsAllowed(auditor, Permission::kImportCatalog, {}, IsWithin));
    bool province_wide = false;
    EXPECT_TRUE(ScopeAgencies(auditor, Permission::kReadAuditLog, province_wide).empty());
    EXPECT_TRUE(province_wide);
}

TEST(Permissions, SystemActorIsAllowedEverything) {
    EXPECT_TRUE(IsAllowed(Actor::System("cli"), Permission::kManageAgencies, {}, IsWithin));
}

}  // namespace
}  // namespace motcua::domain
