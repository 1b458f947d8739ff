// witness_simulator: the audit witness of docs/connectors.md §6 on 127.0.0.1, for tests.
// Prints one line when it listens; exits 0 on SIGINT or SIGTERM. Flags in README.md.
#include <CLI/CLI.hpp>

#include "simulators/common/program.hpp"
#include "simulators/witness/simulator.hpp"

namespace {

using motcua::sim::witness::SimulatorOptions;

int Run(int argc, char** argv) {
    SimulatorOptions options;
    motcua::sim::ProgramFlags flags("Witness simulator: the audit witness for MotCua's tests",
                                    "witness-simulator", options.faults);
    flags.Cli()
        .add_option("--token", options.token, "The bearer token every /v1/ call must carry")
        ->check(motcua::sim::NotEmpty)
        ->capture_default_str();
    if (const auto exit_code = flags.Parse(argc, argv)) {
        return *exit_code;
    }

    motcua::sim::witness::Simulator simulator(std::move(options));
    motcua::sim::ServeAndAnnounce(
        flags.Listen(), "Witness simulator",
        [&simulator](const auto& request) { return simulator.Handle(request); });
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    return motcua::sim::RunProgram("witness_simulator", [&] { return Run(argc, argv); });
}
