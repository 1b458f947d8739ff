// witness_simulator: the audit witness of docs/connectors.md §6 on 127.0.0.1, for tests.
// Prints one line when it listens; exits 0 on SIGINT or SIGTERM. Flags in README.md.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "simulators/common/fault_options.hpp"
#include "simulators/common/server.hpp"
#include "simulators/witness/simulator.hpp"

namespace {

using motcua::sim::ListenOptions;
using motcua::sim::witness::SimulatorOptions;

int Run(int argc, char** argv) {
    CLI::App cli{"Witness simulator: the audit witness for MotCua's tests"};
    ListenOptions listen;
    listen.server_name = "witness-simulator";
    SimulatorOptions options;
    std::string fault_kinds;
    cli.add_option("--host", listen.host, "Address to listen on")->capture_default_str();
    cli.add_option("--port", listen.port, "Port (0: a free one)")->capture_default_str();
    cli.add_option("--threads", listen.threads, "Threads serving connections")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    cli.add_option("--token", options.token, "The bearer token every /v1/ call must carry")
        ->check([](const std::string& token) {
            return token.empty() ? std::string("must not be empty") : std::string();
        })
        ->capture_default_str();
    motcua::sim::AddFaultOptions(cli, options.faults, fault_kinds);
    CLI11_PARSE(cli, argc, argv);

    if (auto error = motcua::sim::ApplyFaultKinds(fault_kinds, options.faults)) {
        fmt::print(stderr, "--faults: {}\n", *error);
        return 2;
    }
    motcua::sim::witness::Simulator simulator(std::move(options));
    motcua::sim::Serve(
        listen, [&simulator](const auto& request) { return simulator.Handle(request); },
        [&listen](std::uint16_t port) {
            fmt::print("Witness simulator listening at http://{}:{}\n", listen.host, port);
            std::fflush(stdout);
        });
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return Run(argc, argv);
    } catch (const std::exception& error) {  // E.g. the port is taken.
        std::fprintf(stderr, "witness_simulator: %s\n", error.what());
    } catch (...) {
        std::fputs("witness_simulator: unknown error\n", stderr);
    }
    return 1;
}
