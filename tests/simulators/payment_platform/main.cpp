// payment_platform_simulator: the national payment platform (docs/payment_platform.md) on
// 127.0.0.1, for tests. Prints one line when it listens; exits 0 on SIGINT or SIGTERM. Flags in
// README.md.
#include <CLI/CLI.hpp>

#include "simulators/common/program.hpp"
#include "simulators/payment_platform/receipt_pdf.hpp"
#include "simulators/payment_platform/simulator.hpp"

namespace {

using motcua::sim::NotEmpty;
using motcua::sim::payment_platform::SimulatorOptions;

int Run(int argc, char** argv) {
    SimulatorOptions options;
    motcua::sim::ProgramFlags flags(
        "Payment platform simulator: the national payment platform for MotCua's tests",
        "payment-platform-simulator", options.faults);
    CLI::App& cli = flags.Cli();
    std::string scenario = "normal";
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
    if (const auto exit_code = flags.Parse(argc, argv)) {
        return *exit_code;
    }

    options.scenario = *motcua::sim::payment_platform::ParseScenario(scenario);
    motcua::sim::payment_platform::Simulator simulator(options);
    motcua::sim::ServeAndAnnounce(
        flags.Listen(), "Payment platform simulator",
        [&simulator](const auto& request) { return simulator.Handle(request); },
        [&simulator](const std::string& url) { simulator.SetPublicUrl(url); });
    motcua::sim::payment_platform::ReleaseReceiptFonts();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    return motcua::sim::RunProgram("payment_platform_simulator", [&] { return Run(argc, argv); });
}
