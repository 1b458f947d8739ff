// Verifying the audit log's hash chain from the console: `motcua audit verify`, and `motcua
// restore` before it installs a backup.
#pragma once

#include "app/app.hpp"

namespace motcua::app {

/// Opens `app` and verifies the chain; prints the result and returns the exit code (1 naming
/// the first broken row).
int VerifyAuditLog(App& app);

}  // namespace motcua::app
