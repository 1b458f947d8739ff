#include "app/commands/commands.hpp"

namespace motcua::app {

void RegisterCommands(CLI::App& cli, CommandTable& table) {
    RegisterServeCommand(cli, table);
    RegisterMigrateCommand(cli, table);
    RegisterDemoCommand(cli, table);
    RegisterVersionCommand(cli, table);
    RegisterImportCommand(cli, table);
    RegisterRoutesCommand(cli, table);
    RegisterUserCommand(cli, table);
    RegisterAuditCommand(cli, table);
    RegisterIndicatorsCommand(cli, table);
    RegisterReportCommand(cli, table);
    RegisterBackupCommand(cli, table);
    RegisterRestoreCommand(cli, table);
    RegisterFilesCommand(cli, table);
    RegisterOutboxCommand(cli, table);
    RegisterKeysCommand(cli, table);
    RegisterVerifyCommand(cli, table);
}

}  // namespace motcua::app
