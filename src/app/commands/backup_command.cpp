// `motcua backup`: copies the SQLite database and the stored files, online (app/backup.hpp).
#include <memory>

#include "app/backup.hpp"
#include "app/commands/commands.hpp"

namespace motcua::app {

void RegisterBackupCommand(CLI::App& cli, CommandTable& table) {
    auto* backup = cli.add_subcommand("backup", "copy the SQLite database and files, online");
    auto spec = std::make_shared<BackupSpec>();
    backup->add_option("--output,-o", spec->output, "new folder to write")->required();
    table.Add(backup, [spec](App& app) { return RunBackup(app.GetConfig(), *spec); });
}

}  // namespace motcua::app
