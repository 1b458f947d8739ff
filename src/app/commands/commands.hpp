// The commands of `motcua`, one file each: every Register function adds its subcommand (and its
// options) to the parser and its action to the table.
#pragma once

#include <CLI/CLI.hpp>

#include "app/commands/command_table.hpp"

namespace motcua::app {

void RegisterServeCommand(CLI::App& cli, CommandTable& table);
void RegisterMigrateCommand(CLI::App& cli, CommandTable& table);
void RegisterDemoCommand(CLI::App& cli, CommandTable& table);
void RegisterVersionCommand(CLI::App& cli, CommandTable& table);
void RegisterImportCommand(CLI::App& cli, CommandTable& table);
void RegisterRoutesCommand(CLI::App& cli, CommandTable& table);
void RegisterUserCommand(CLI::App& cli, CommandTable& table);
void RegisterAuditCommand(CLI::App& cli, CommandTable& table);
void RegisterIndicatorsCommand(CLI::App& cli, CommandTable& table);
void RegisterReportCommand(CLI::App& cli, CommandTable& table);
void RegisterBackupCommand(CLI::App& cli, CommandTable& table);
void RegisterRestoreCommand(CLI::App& cli, CommandTable& table);
void RegisterFilesCommand(CLI::App& cli, CommandTable& table);
void RegisterOutboxCommand(CLI::App& cli, CommandTable& table);
void RegisterKeysCommand(CLI::App& cli, CommandTable& table);
void RegisterVerifyCommand(CLI::App& cli, CommandTable& table);

/// Registers every command, in the order `motcua --help` lists them.
void RegisterCommands(CLI::App& cli, CommandTable& table);

}  // namespace motcua::app
