// motcua: parse the command line, load the configuration, build the App, run one command (each
// command registers itself: app/commands/).
#include <algorithm>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "app/app.hpp"
#include "app/commands/commands.hpp"
#include "app/config_loading.hpp"

// NOLINTNEXTLINE(bugprone-exception-escape): an unexpected exception is a bug: abort, stack kept.
int main(int argc, char** argv) {
    CLI::App cli{"MotCua — provincial administrative-procedure information system"};
    cli.require_subcommand(1);
    motcua::app::ConfigFlags flags;
    cli.add_option("--config", flags.config_file,
                   "configuration file (default: $MOTCUA_CONFIG, else none)");
    for (const char* key : {"database", "listen", "data_dir", "web_root", "threads", "log_level"}) {
        std::string flag = std::string("--") + key;
        std::replace(flag.begin(), flag.end(), '_', '-');
        cli.add_option_function<std::string>(
               flag, [&flags, key](const std::string& value) { flags.values[key] = value; },
               motcua::app::DescribeSettings().at(key))
            ->type_name("VALUE");
    }
    motcua::app::CommandTable commands;
    motcua::app::RegisterCommands(cli, commands);
    CLI11_PARSE(cli, argc, argv);

    if (const auto* standalone = commands.FindParsedStandalone()) {
        return (*standalone)();
    }
    auto loaded = motcua::app::LoadConfig(flags);
    if (!loaded) {
        fmt::print(stderr, "motcua: configuration: {}: {}\n", loaded.GetError().param,
                   loaded.GetError().detail);
        return 2;
    }
    motcua::app::SetUpLogging(loaded.Value());
    motcua::app::App app(loaded.Value().config);
    return commands.RunParsed(app);
}
