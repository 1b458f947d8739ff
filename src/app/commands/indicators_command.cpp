// `motcua indicators recompute`: rebuilds the indicator counters from the dossier events.
#include <fmt/format.h>

#include "app/commands/commands.hpp"
#include "app/console_output.hpp"

namespace motcua::app {

void RegisterIndicatorsCommand(CLI::App& cli, CommandTable& table) {
    auto* indicators = cli.add_subcommand("indicators", "indicator counters");
    indicators->require_subcommand(1);
    auto* recompute =
        indicators->add_subcommand("recompute", "rebuild the counters from the dossier events");
    table.Add(recompute, [](App& app) {
        AppServices* services = app.Open();
        if (services == nullptr) {
            return 1;
        }
        auto report = services->indicators.Recompute(domain::Actor::System("indicators recompute"));
        if (!report) {
            PrintError(report.GetError());
            return 1;
        }
        fmt::print("indicator counters rebuilt from {} dossiers: {} rows\n",
                   report.Value().dossiers, report.Value().rows);
        return 0;
    });
}

}  // namespace motcua::app
