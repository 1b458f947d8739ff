// `motcua audit verify`: verifies the audit log's hash chain.
#include "app/audit_verification.hpp"
#include "app/commands/commands.hpp"

namespace motcua::app {

void RegisterAuditCommand(CLI::App& cli, CommandTable& table) {
    auto* audit = cli.add_subcommand("audit", "audit log tools");
    audit->require_subcommand(1);
    auto* verify = audit->add_subcommand("verify", "verify the audit log's hash chain");
    table.Add(verify, VerifyAuditLog);
}

}  // namespace motcua::app
