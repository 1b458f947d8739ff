// Separation of duties between those who run the system and those who check it, and between
// administrators of different weight (docs/permissions.md, "Separation of duties"):
// - the auditor role is granted, revoked and managed only from the console, and is never held
//   together with an administrator role;
// - no administrator manages (resets the password of, disables, changes the roles of) an account
//   whose rights equal or exceed their own — a ward administrator cannot take over the ward
//   head's account; a province administrator can, and only the console manages another
//   province administrator.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/access/role.hpp"

namespace motcua::domain {

/// The weight of a set of grants: 0 citizens and organisations, 1 staff (clerk, specialist,
/// cashier, feedback officer), 2 heads and agency administrators, 3 province administrators,
/// 4 auditors. An account weighs as its heaviest grant.
int RightsRank(const std::vector<RoleGrant>& grants);

/// True when `manager`'s grants may manage an account holding `managed` (a strictly lower rank).
/// The console (the system actor) is not subject to this rule.
bool MayManage(const std::vector<RoleGrant>& manager, const std::vector<RoleGrant>& managed);

/// The role of `grants` that may not be held with another of them (the auditor together with an
/// administrator role), or nullopt when the set is allowed.
std::optional<Role> IncompatibleRole(const std::vector<RoleGrant>& grants);

}  // namespace motcua::domain
