// vnpay_simulator: the VNPay payment gateway on 127.0.0.1, for tests. Prints one line when it
// listens; exits 0 on SIGINT or SIGTERM. Flags in README.md.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "simulators/common/program.hpp"
#include "simulators/vnpay/simulator.hpp"

namespace {

using motcua::sim::NotEmpty;
using motcua::sim::vnpay::SimulatorOptions;

int Run(int argc, char** argv) {
    SimulatorOptions options;
    motcua::sim::ProgramFlags flags("VNPay simulator: the VNPay payment gateway for MotCua's tests",
                                    "vnpay-simulator", options.faults);
    CLI::App& cli = flags.Cli();
    std::string scenario = "normal";
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
    if (const auto exit_code = flags.Parse(argc, argv)) {
        return *exit_code;
    }

    const auto parsed = motcua::sim::vnpay::ParseScenario(scenario);
    if (!parsed) {
        fmt::print(stderr, "--callback: unknown scenario {}\n", scenario);
        return 2;
    }
    options.scenario = *parsed;
    motcua::sim::vnpay::Simulator simulator(std::move(options));
    motcua::sim::ServeAndAnnounce(
        flags.Listen(), "VNPay simulator",
        [&simulator](const auto& request) { return simulator.Handle(request); });
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    return motcua::sim::RunProgram("vnpay_simulator", [&] { return Run(argc, argv); });
}
