// `motcua files collect`: deletes stored files no dossier links once older than the grace period
// (services/dossiers/orphan_files.hpp) — what `serve` does every hour, run by hand or from cron.
#include <memory>

#include <fmt/format.h>

#include "app/app_services.hpp"
#include "app/commands/commands.hpp"

namespace motcua::app {

void RegisterFilesCommand(CLI::App& cli, CommandTable& table) {
    auto* files = cli.add_subcommand("files", "stored file tools");
    files->require_subcommand(1);
    auto* collect = files->add_subcommand(
        "collect", "delete stored files no dossier links, older than the grace period");
    auto grace = std::make_shared<int>(-1);
    collect
        ->add_option("--grace-seconds", *grace,
                     "age after which an unlinked file is deleted (default: "
                     "orphan_file_grace_seconds; 0 only while no server runs)")
        ->check(CLI::NonNegativeNumber);
    table.Add(collect, [grace](App& app) {
        AppServices* services = app.Open();
        if (services == nullptr) {
            return 1;
        }
        const int seconds = *grace >= 0 ? *grace : app.GetConfig().orphan_file_grace_seconds;
        auto report = services->orphan_files.Collect(std::chrono::seconds(seconds));
        if (!report) {
            fmt::print(stderr, "motcua: files collect: {}\n", report.GetError().detail);
            return 1;
        }
        fmt::print(
            "examined {} files older than {} s, deleted {} linked by no dossier and {} "
            "temporary files\n",
            report.Value().examined, seconds, report.Value().removed, report.Value().temporaries);
        return 0;
    });
}

}  // namespace motcua::app
