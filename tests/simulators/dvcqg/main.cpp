// dvcqg_simulator: the national public-service portal (docs/dvcqg.md) on 127.0.0.1, for tests.
// Prints one line when it listens; exits 0 on SIGINT or SIGTERM. Flags in README.md.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "simulators/common/fault_options.hpp"
#include "simulators/common/server.hpp"
#include "simulators/dvcqg/simulator.hpp"

namespace {

using motcua::sim::ListenOptions;
using motcua::sim::dvcqg::SimulatorOptions;

int Run(int argc, char** argv) {
    CLI::App cli{"DVCQG simulator: the national public-service portal for MotCua's tests"};
    ListenOptions listen;
    listen.server_name = "dvcqg-simulator";
    SimulatorOptions options;
    int session_seconds = 3600;
    std::string fault_kinds;
    std::string catalog_path;
    cli.add_option("--host", listen.host, "Address to listen on")->capture_default_str();
    cli.add_option("--port", listen.port, "Port (0: a free one)")->capture_default_str();
    cli.add_option("--threads", listen.threads, "Threads serving connections")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
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
    motcua::sim::AddFaultOptions(cli, options.faults, fault_kinds);
    CLI11_PARSE(cli, argc, argv);

    if (auto error = motcua::sim::ApplyFaultKinds(fault_kinds, options.faults)) {
        fmt::print(stderr, "--faults: {}\n", *error);
        return 2;
    }
    if (!catalog_path.empty()) {
        if (auto error = motcua::sim::dvcqg::LoadCatalog(catalog_path, options.catalog)) {
            fmt::print(stderr, "--catalog: {}\n", *error);
            return 2;
        }
    }
    options.session_lifetime = std::chrono::seconds(session_seconds);
    motcua::sim::dvcqg::Simulator simulator(std::move(options));
    motcua::sim::Serve(
        listen, [&simulator](const auto& request) { return simulator.Handle(request); },
        [&listen](std::uint16_t port) {
            fmt::print("DVCQG simulator listening at http://{}:{}\n", listen.host, port);
            std::fflush(stdout);
        });
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return Run(argc, argv);
    } catch (const std::exception& error) {  // E.g. the port is taken.
        std::fprintf(stderr, "dvcqg_simulator: %s\n", error.what());
    } catch (...) {
        std::fputs("dvcqg_simulator: unknown error\n", stderr);
    }
    return 1;
}
