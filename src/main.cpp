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
    auto* import_dossiers =
        import->add_subcommand("dossiers", "dossiers with their event history (JSON Lines)");
    import_dossiers->add_option("FILE", import_file, "file to import")->required();
    auto* routes = cli.add_subcommand("routes", "print every HTTP route");
    auto* user = cli.add_subcommand("user", "manage accounts from the console (audited as system)");
    user->require_subcommand(1);
    motcua::app::UserSpec spec;
    auto* user_add = user->add_subcommand("add", "create an account");
    user_add->add_option("--kind", spec.kind, "citizen, organisation or officer")
        ->capture_default_str();
    user_add->add_option("--login", spec.login, "ID number, tax code or user name")->required();
    user_add->add_option("--name", spec.name, "full name")->required();
    user_add->add_option("--agency", spec.agency, "officer's agency code");
    user_add->add_option("--title", spec.title, "officer's title");
    user_add->add_option("--email", spec.email, "e-mail address");
    user_add->add_option("--phone", spec.phone, "phone number");
    user_add->add_option("--role", spec.roles, "role or role@AGENCY (repeatable)");
    user_add->add_flag("--password-stdin", spec.password_from_stdin,
                       "read the password from standard input (else one is generated)");
    std::string user_login;
    std::string user_role;
    bool password_stdin = false;
    auto* user_disable = user->add_subcommand("disable", "disable an account, ending its sessions");
    user_disable->add_option("LOGIN", user_login)->required();
    auto* user_enable = user->add_subcommand("enable", "enable a disabled account");
    user_enable->add_option("LOGIN", user_login)->required();
    auto* user_password = user->add_subcommand("set-password", "set or generate a password");
    user_password->add_option("LOGIN", user_login)->required();
    user_password->add_flag("--password-stdin", password_stdin,
                            "read the password from standard input (else one is generated)");
    auto* user_grant = user->add_subcommand("grant", "grant a role");
    user_grant->add_option("LOGIN", user_login)->required();
    user_grant->add_option("ROLE", user_role, "role or role@AGENCY")->required();
    auto* user_revoke = user->add_subcommand("revoke", "revoke a role");
    user_revoke->add_option("LOGIN", user_login)->required();
    user_revoke->add_option("ROLE", user_role, "role or role@AGENCY")->required();
    auto* audit = cli.add_subcommand("audit", "audit log tools");
    audit->require_subcommand(1);
    auto* audit_verify = audit->add_subcommand("verify", "verify the audit log's hash chain");
    auto* indicators = cli.add_subcommand("indicators", "indicator counters");
    indicators->require_subcommand(1);
    auto* indicators_recompute =
        indicators->add_subcommand("recompute", "rebuild the counters from the dossier events");
    auto* report = cli.add_subcommand("report", "reports");
    report->require_subcommand(1);
    auto* report_monthly =
        report->add_subcommand("monthly", "write the monthly TTHC report (JSON, CSV or XLSX)");
    motcua::app::ReportSpec report_spec;
    report_monthly->add_option("--month", report_spec.month, "YYYY-MM")->required();
    report_monthly->add_option("--agency", report_spec.agency, "agency code (default: province)");
    report_monthly->add_option("--format", report_spec.format, "json, csv or xlsx")
        ->capture_default_str();
    report_monthly
        ->add_option("--section", report_spec.section,
                     "CSV section: summary, fields, index766 or plan")
        ->capture_default_str();
    report_monthly->add_option("--output,-o", report_spec.output,
                               "file to write (default: bao-cao-AGENCY-MONTH.EXT; - for stdout)");
    auto* backup = cli.add_subcommand("backup", "copy the SQLite database and files, online");
    motcua::app::BackupSpec backup_spec;
    backup->add_option("--output,-o", backup_spec.output, "new folder to write")->required();
    auto* restore = cli.add_subcommand("restore", "restore a backup into the data directory");
    motcua::app::RestoreSpec restore_spec;
    restore->add_option("--input,-i", restore_spec.input, "backup folder (or database file)")
        ->required();
    restore->add_option("--audit-key", restore_spec.audit_key,
                        "the installation's audit-chain.key (default: the data directory's)");
    restore->add_flag("--force", restore_spec.force, "replace a database that holds data");
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
    if (import_dossiers->parsed()) {
        return app.Import(motcua::app::ImportKind::kDossiers, import_file);
    }
    if (routes->parsed()) {
        return app.PrintRoutes();
    }
    if (user_add->parsed()) {
        return app.UserAdd(spec);
    }
    if (user_disable->parsed() || user_enable->parsed()) {
        return app.UserSetDisabled(user_login, user_disable->parsed());
    }
    if (user_password->parsed()) {
        return app.UserSetPassword(user_login, password_stdin);
    }
    if (user_grant->parsed() || user_revoke->parsed()) {
        return app.UserGrant(user_login, user_role, user_grant->parsed());
    }
    if (audit_verify->parsed()) {
        return app.AuditVerify();
    }
    if (indicators_recompute->parsed()) {
        return app.RecomputeIndicators();
    }
    if (report_monthly->parsed()) {
        return app.ReportMonthly(report_spec);
    }
    if (backup->parsed()) {
        return app.Backup(backup_spec);
    }
    if (restore->parsed()) {
        return app.Restore(restore_spec);
    }
    return 2;
}
