// motcua: parse the command line, load the configuration, build the App, run one command.
#include <cstdlib>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "app/config.hpp"

extern char** environ;

namespace {

constexpr const char* kVersion = "0.1.0";

// Flags that override the file and the environment, by setting key.
struct FlagSettings {
    std::string config_file;
    std::map<std::string, std::string> values;
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"MotCua — provincial administrative-procedure information system"};
    cli.require_subcommand(1);
    FlagSettings flags;
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
    auto* serve = cli.add_subcommand("serve", "serve the HTTP API and the web application");
    auto* migrate = cli.add_subcommand("migrate", "apply pending database migrations");
    auto* demo = cli.add_subcommand("demo", "create or refresh the demo province's data");
    auto* version = cli.add_subcommand("version", "print the version");
    auto* import = cli.add_subcommand("import", "import reference data or history from a file");
    import->require_subcommand(1);
    std::string import_file;
    auto* import_agencies = import->add_subcommand("agencies", "agency tree (JSON)");
    import_agencies->add_option("FILE", import_file, "file to import")->required();
    auto* import_procedures = import->add_subcommand("procedures", "procedure catalogue (JSON)");
    import_procedures->add_option("FILE", import_file, "file to import")->required();
    CLI11_PARSE(cli, argc, argv);

    if (version->parsed()) {
        fmt::print("motcua {}\n", kVersion);
        return 0;
    }
    if (flags.config_file.empty() && std::getenv("MOTCUA_CONFIG") != nullptr) {
        flags.config_file = std::getenv("MOTCUA_CONFIG");
    }
    motcua::app::RawSettings settings;
    if (!flags.config_file.empty()) {
        auto file = motcua::app::ReadConfigFile(flags.config_file);
        if (!file) {
            fmt::print(stderr, "motcua: configuration: {}: {}\n", file.GetError().param,
                       file.GetError().detail);
            return 2;
        }
        settings = file.Value();
    }
    std::vector<std::string> ignored_variables;
    for (const auto& source :
         {motcua::app::ReadEnvironment(environ, &ignored_variables), flags.values}) {
        for (const auto& [key, value] : source) {
            settings[key] = value;
        }
    }
    auto config = motcua::app::ApplySettings(motcua::app::AppConfig{}, settings);
    if (!config) {
        fmt::print(stderr, "motcua: configuration: {}: {}\n", config.GetError().param,
                   config.GetError().detail);
        return 2;
    }
    spdlog::set_level(spdlog::level::from_str(config.Value().log_level));
    for (const auto& name : ignored_variables) {
        spdlog::warn("{} is not a MotCua setting; ignored", name);
    }

    motcua::app::App app(config.Value());
    if (serve->parsed()) {
        return app.Serve();
    }
    if (migrate->parsed()) {
        return app.Migrate();
    }
    if (demo->parsed()) {
        return app.Demo();
    }
    if (import_agencies->parsed()) {
        return app.Import(motcua::app::ImportKind::kAgencies, import_file);
    }
    if (import_procedures->parsed()) {
        return app.Import(motcua::app::ImportKind::kProcedures, import_file);
    }
    return 2;
}
