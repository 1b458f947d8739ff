// The demo province's accounts: one per role, all with the demo password, created only by
// `motcua demo` (never by serve or migrate). The README lists them.
#pragma once

#include <string_view>
#include <vector>

#include "domain/access/password_policy.hpp"
#include "services/accounts/account_service.hpp"

namespace motcua::app {

/// The password of every demo account (domain/access/password_policy.hpp): demo data only, and
/// refused as a password outside demo mode.
using domain::kDemoPassword;

/// Returns the demo accounts (citizen, organisation, and one officer per officer role).
std::vector<services::NewAccount> DemoAccounts();

}  // namespace motcua::app
