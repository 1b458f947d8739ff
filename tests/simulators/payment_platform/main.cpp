// payment_platform_simulator: the national payment platform (docs/payment_platform.md) on
// 127.0.0.1, for tests. Prints one line when it listens; exits 0 on SIGINT or SIGTERM. Flags in
// README.md.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "simulators/common/fault_options.hpp"
#include "simulators/common/server.hpp"
#include "simulators/payment_platform/receipt_pdf.hpp"
#include "simulators/payment_platform/simulator.hpp"

namespace {

using motcua::sim::ListenOptions;
using motcua::sim::payment_platform::SimulatorOptions;

std::string NotEmpty(const std::string& text) {
    return text.empty() ? std::string("must not be empty") : std::string();
}

int Run(int argc, char** argv) {
    CLI::App cli{"Payment platform simulator: the national payment platform for MotCua's tests"};
    ListenOptions listen;
    listen.server_name = "payment-platform-simulator";
    SimulatorOptions options;
    std::string fault_kinds;
    std::string scenario = "normal";
    cli.add_option("--host", listen.host, "Address to listen on")->capture_default_str();
    cli.add_option("--port", listen.port, "Port (0: a free one)")->capture_default_str();
    cli.add_option("--threads", listen.threads, "Threads serving connections")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    cli.add_option("--partner-code", options.partner_code, "The MaDoiTac it knows")
        ->check(NotEmpty)
        ->capture_default_str();
    cli.add_option("--secret", options.secret, "The secret of MaXacThuc")
        ->check(NotEmpty)
        ->capture_default_str();
    cli.add_option("--confirm-url", options.confirm_url,
                   "MotCua's confirm endpoint (may be set "
                   "later: POST /_sim/merchant)");
    cli.add_option("--confirm-retries", options.confirm_retries,
                   "Sends of a confirm again while MotCua's reply is not error_code \"0\"")
        ->check(CLI::Range(0, 20))
        ->capture_default_str();
    cli.add_option("--confirm-retry-ms", options.confirm_retry_ms, "Pause before each retry")
        ->check(CLI::Range(0, 60000))
        ->capture_default_str();
    cli.add_option("--callback", scenario,
                   "Callback scenario: normal, lost, repeated, after_return")
        ->check(CLI::IsMember({"normal", "lost", "repeated", "after_return"}))
        ->capture_default_str();
    motcua::sim::AddFaultOptions(cli, options.faults, fault_kinds);
    CLI11_PARSE(cli, argc, argv);

    if (auto error = motcua::sim::ApplyFaultKinds(fault_kinds, options.faults)) {
        fmt::print(stderr, "--faults: {}\n", *error);
        return 2;
    }
    options.scenario = *motcua::sim::payment_platform::ParseScenario(scenario);
    motcua::sim::payment_platform::Simulator simulator(options);
    motcua::sim::Serve(
        listen, [&simulator](const auto& request) { return simulator.Handle(request); },
        [&listen, &simulator](std::uint16_t port) {
            simulator.SetPublicUrl(fmt::format("http://{}:{}", listen.host, port));
            fmt::print("Payment platform simulator listening at http://{}:{}\n", listen.host, port);
            std::fflush(stdout);
        });
    motcua::sim::payment_platform::ReleaseReceiptFonts();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return Run(argc, argv);
    } catch (const std::exception& error) {  // E.g. the port is taken.
        std::fprintf(stderr, "payment_platform_simulator: %s\n", error.what());
    } catch (...) {
        std::fputs("payment_platform_simulator: unknown error\n", stderr);
    }
    return 1;
}
