// dvcqg_simulator: the national public-service portal (docs/dvcqg.md) on 127.0.0.1, for tests.
// Prints one line when it listens; exits 0 on SIGINT or SIGTERM. Flags in README.md.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "simulators/common/program.hpp"
#include "simulators/dvcqg/simulator.hpp"

namespace {

using motcua::sim::dvcqg::SimulatorOptions;

int Run(int argc, char** argv) {
    SimulatorOptions options;
    motcua::sim::ProgramFlags flags(
        "DVCQG simulator: the national public-service portal for MotCua's tests", "dvcqg-simulator",
        options.faults);
    CLI::App& cli = flags.Cli();
    int session_seconds = 3600;
    std::string catalog_path;
    cli.add_option("--username", options.portal.username, "Accepted user name")
        ->capture_default_str();
    cli.add_option("--password", options.portal.password, "Accepted password")
        ->capture_default_str();
    cli.add_option("--unit", options.portal.unit, "The province's madonvi")->capture_default_str();
    cli.add_option("--session-seconds", session_seconds, "Lifetime of a session token")
        ->check(CLI::Range(1, 86400 * 365))
        ->capture_default_str();
    cli.add_option("--catalog", catalog_path,
                   R"(JSON file {"procedures": [...], "agencies": [...]} for the pulls)");
    if (const auto exit_code = flags.Parse(argc, argv)) {
        return *exit_code;
    }

    if (!catalog_path.empty()) {
        if (auto error = motcua::sim::dvcqg::LoadCatalog(catalog_path, options.catalog)) {
            fmt::print(stderr, "--catalog: {}\n", *error);
            return 2;
        }
    }
    options.session_lifetime = std::chrono::seconds(session_seconds);
    motcua::sim::dvcqg::Simulator simulator(std::move(options));
    motcua::sim::ServeAndAnnounce(
        flags.Listen(), "DVCQG simulator",
        [&simulator](const auto& request) { return simulator.Handle(request); });
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    return motcua::sim::RunProgram("dvcqg_simulator", [&] { return Run(argc, argv); });
}
