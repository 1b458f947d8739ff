// vnpay_simulator: the VNPay payment gateway on 127.0.0.1, for tests. Prints one line when it
// listens; exits 0 on SIGINT or SIGTERM. Flags in README.md.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "simulators/common/fault_options.hpp"
#include "simulators/common/server.hpp"
#include "simulators/vnpay/simulator.hpp"

namespace {

using motcua::sim::ListenOptions;
using motcua::sim::vnpay::SimulatorOptions;

std::string NotEmpty(const std::string& text) {
    return text.empty() ? std::string("must not be empty") : std::string();
}

int Run(int argc, char** argv) {
    CLI::App cli{"VNPay simulator: the VNPay payment gateway for MotCua's tests"};
    ListenOptions listen;
    listen.server_name = "vnpay-simulator";
    SimulatorOptions options;
    std::string fault_kinds;
    std::string scenario = "normal";
    cli.add_option("--host", listen.host, "Address to listen on")->capture_default_str();
    cli.add_option("--port", listen.port, "Port (0: a free one)")->capture_default_str();
    cli.add_option("--threads", listen.threads, "Threads serving connections")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    cli.add_option("--tmn-code", options.gateway.tmn_code, "The merchant's vnp_TmnCode")
        ->check(NotEmpty)
        ->capture_default_str();
    cli.add_option("--hash-secret", options.gateway.hash_secret, "The merchant's hash secret")
        ->check(NotEmpty)
        ->capture_default_str();
    cli.add_option("--ipn-url", options.ipn_url,
                   "The merchant's IPN URL (http://; may be set "
                   "later with POST /_sim/merchant)");
    cli.add_option("--callback", scenario,
                   "Default callback scenario: normal, lost, repeated, before_return, after_return")
        ->capture_default_str();
    cli.add_option("--ipn-retries", options.gateway.ipn_retries,
                   "IPN calls after an unconfirmed one")
        ->check(CLI::Range(0, 20))
        ->capture_default_str();
    cli.add_option("--ipn-retry-ms", options.gateway.ipn_retry_ms, "Pause between IPN calls")
        ->check(CLI::Range(0, 60000))
        ->capture_default_str();
    cli.add_option("--ipn-timeout-ms", options.gateway.ipn_timeout_ms,
                   "How long one IPN call may take")
        ->check(CLI::Range(1, 60000))
        ->capture_default_str();
    motcua::sim::AddFaultOptions(cli, options.faults, fault_kinds);
    CLI11_PARSE(cli, argc, argv);

    if (auto error = motcua::sim::ApplyFaultKinds(fault_kinds, options.faults)) {
        fmt::print(stderr, "--faults: {}\n", *error);
        return 2;
    }
    const auto parsed = motcua::sim::vnpay::ParseScenario(scenario);
    if (!parsed) {
        fmt::print(stderr, "--callback: unknown scenario {}\n", scenario);
        return 2;
    }
    options.scenario = *parsed;
    motcua::sim::vnpay::Simulator simulator(std::move(options));
    motcua::sim::Serve(
        listen, [&simulator](const auto& request) { return simulator.Handle(request); },
        [&listen](std::uint16_t port) {
            fmt::print("VNPay simulator listening at http://{}:{}\n", listen.host, port);
            std::fflush(stdout);
        });
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return Run(argc, argv);
    } catch (const std::exception& error) {  // E.g. the port is taken.
        std::fprintf(stderr, "vnpay_simulator: %s\n", error.what());
    } catch (...) {
        std::fputs("vnpay_simulator: unknown error\n", stderr);
    }
    return 1;
}
