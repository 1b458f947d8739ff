// `motcua version`: prints the version, reading no configuration.
#include <fmt/format.h>

#include "app/commands/commands.hpp"

namespace motcua::app {
namespace {

constexpr const char* kVersion = "0.1.0";

}  // namespace

void RegisterVersionCommand(CLI::App& cli, CommandTable& table) {
    auto* version = cli.add_subcommand("version", "print the version");
    table.AddStandalone(version, [] {
        fmt::print("motcua {}\n", kVersion);
        return 0;
    });
}

}  // namespace motcua::app
