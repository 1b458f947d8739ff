// `motcua restore`: restores a backup into the configured data directory (app/backup.hpp).
#include <memory>

#include "app/backup.hpp"
#include "app/commands/commands.hpp"

namespace motcua::app {

void RegisterRestoreCommand(CLI::App& cli, CommandTable& table) {
    auto* restore = cli.add_subcommand("restore", "restore a backup into the data directory");
    auto spec = std::make_shared<RestoreSpec>();
    restore->add_option("--input,-i", spec->input, "backup folder (or database file)")->required();
    restore->add_option("--audit-key", spec->audit_key,
                        "the installation's audit-chain.key (default: the data directory's)");
    restore->add_flag("--force", spec->force, "replace a database that holds data");
    table.Add(restore, [spec](App& app) { return RunRestore(app.GetConfig(), *spec); });
}

}  // namespace motcua::app
