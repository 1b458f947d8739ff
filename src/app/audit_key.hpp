// The audit chain's key: 32 random bytes in `<data_dir>/audit-chain.key`, created on first use
// with mode 0600. It lives beside, not inside, the database, so that whoever can edit the
// database cannot recompute the chain. Back it up with the database; without it the log can
// still be read but no longer verified.
#pragma once

#include <string>

#include "common/outcome.hpp"

namespace motcua::app {

/// Returns the key in `data_dir`, creating it when absent.
Outcome<std::string> LoadOrCreateAuditKey(const std::string& data_dir);

}  // namespace motcua::app
