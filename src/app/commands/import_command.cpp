// `motcua import agencies|procedures|dossiers FILE`: imports reference data, or dossiers with
// their history (docs/import-format.md).
#include <fstream>
#include <iterator>
#include <memory>

#include <fmt/format.h>

#include "app/commands/commands.hpp"
#include "app/console_output.hpp"

namespace motcua::app {
namespace {

enum class ImportKind { kAgencies, kProcedures, kDossiers };

int RunImport(App& app, ImportKind kind, const std::string& file) {
    std::ifstream input(file, std::ios::binary);
    if (!input) {
        fmt::print(stderr, "motcua: cannot read {}\n", file);
        return 2;
    }
    const std::string text((std::istreambuf_iterator<char>(input)),
                           std::istreambuf_iterator<char>());
    AppServices* services = app.Open();
    if (services == nullptr) {
        return 1;
    }
    const auto actor = domain::Actor::System("import");
    if (kind == ImportKind::kDossiers) {
        auto report = services->history_import.Import(actor, text);
        if (!report) {
            PrintError(report.GetError());
            return 1;
        }
        for (const auto& [line, error] : report.Value().errors) {
            fmt::print(stderr, "line {}: {}: {}\n", line, error.param,
                       error.detail.empty() ? error.code : error.detail);
        }
        fmt::print("dossiers: {} imported, {} rejected\n", report.Value().imported,
                   report.Value().rejected);
        return report.Value().rejected == 0 ? 0 : 1;
    }
    auto summary = kind == ImportKind::kAgencies ? services->catalog.ImportAgencies(actor, text)
                                                 : services->catalog.ImportProcedures(actor, text);
    if (!summary) {
        fmt::print(stderr, "motcua: {} was not imported, nothing was stored.\n", file);
        PrintError(summary.GetError());
        return 1;
    }
    PrintSummary(kind == ImportKind::kAgencies ? "agencies" : "procedures", summary.Value());
    return 0;
}

}  // namespace

void RegisterImportCommand(CLI::App& cli, CommandTable& table) {
    auto* import = cli.add_subcommand("import", "import reference data or history from a file");
    import->require_subcommand(1);
    auto file = std::make_shared<std::string>();
    const struct {
        const char* name;
        const char* description;
        ImportKind kind;
    } kinds[] = {
        {"agencies", "agency tree (JSON)", ImportKind::kAgencies},
        {"procedures", "procedure catalogue (JSON)", ImportKind::kProcedures},
        {"dossiers", "dossiers with their event history (JSON Lines)", ImportKind::kDossiers},
    };
    for (const auto& each : kinds) {
        auto* subcommand = import->add_subcommand(each.name, each.description);
        subcommand->add_option("FILE", *file, "file to import")->required();
        table.Add(subcommand,
                  [file, kind = each.kind](App& app) { return RunImport(app, kind, *file); });
    }
}

}  // namespace motcua::app
