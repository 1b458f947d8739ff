// tsa_simulator: an RFC 3161 Time-Stamp Authority on 127.0.0.1, for tests. Prints one line when
// it listens; exits 0 on SIGINT or SIGTERM. Flags in README.md.
#include <string>

#include <CLI/CLI.hpp>

#include "simulators/common/program.hpp"
#include "simulators/tsa/simulator.hpp"

namespace {

struct TsaFlags {
    std::string cert;
    std::string key;
    std::string chain;
    std::string policy = "1.3.6.1.4.1.99999.1";
};

int Run(int argc, char** argv) {
    TsaFlags tsa;
    motcua::sim::FaultPlan faults;
    motcua::sim::ProgramFlags flags("TSA simulator: an RFC 3161 time-stamp authority for tests",
                                    "tsa-simulator", faults);
    flags.Cli()
        .add_option("--cert", tsa.cert,
                    "PEM certificate of the TSA (extendedKeyUsage critical timeStamping)")
        ->required()
        ->check(CLI::ExistingFile);
    flags.Cli()
        .add_option("--key", tsa.key, "PEM private key of --cert")
        ->required()
        ->check(CLI::ExistingFile);
    flags.Cli()
        .add_option("--chain", tsa.chain,
                    "PEM certificates to include in every token (e.g. the CA)")
        ->check(CLI::ExistingFile);
    flags.Cli()
        .add_option("--policy", tsa.policy, "The TSA policy OID of every token")
        ->check([](const std::string& text) {
            return motcua::sim::tsa::IsDottedOid(text) ? std::string() : "must be a dotted OID";
        })
        ->capture_default_str();
    if (const auto exit_code = flags.Parse(argc, argv)) {
        return *exit_code;
    }

    motcua::sim::tsa::Simulator simulator(
        motcua::sim::tsa::Stamper(tsa.cert, tsa.key, tsa.chain, tsa.policy), faults);
    motcua::sim::ServeAndAnnounce(
        flags.Listen(), "TSA simulator",
        [&simulator](const auto& request) { return simulator.Handle(request); });
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    return motcua::sim::RunProgram("tsa_simulator", [&] { return Run(argc, argv); });
}
