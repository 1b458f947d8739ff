// `motcua migrate`: applies pending database migrations.
#include <fmt/format.h>

#include "app/commands/commands.hpp"

namespace motcua::app {

void RegisterMigrateCommand(CLI::App& cli, CommandTable& table) {
    auto* migrate = cli.add_subcommand("migrate", "apply pending database migrations");
    table.Add(migrate, [](App& app) {
        if (app.Open() == nullptr) {
            return 1;
        }
        fmt::print("{}: schema is up to date\n", app.GetDatabase().Describe());
        return 0;
    });
}

}  // namespace motcua::app
