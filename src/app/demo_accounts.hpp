// The demo province's accounts: one per role, all with the demo password, created only by
// `motcua demo` (never by serve or migrate). The README lists them.
#pragma once

#include <string_view>
#include <vector>

#include "services/accounts/account_service.hpp"

namespace motcua::app {

/// The password of every demo account. Demo data only: change it on any real installation.
inline constexpr std::string_view kDemoPassword = "MotCua@2026";

/// Returns the demo accounts (citizen, organisation, and one officer per officer role).
std::vector<services::NewAccount> DemoAccounts();

}  // namespace motcua::app
