// What every simulator program's main() shares (each README.md's "Flags" and first lines): the
// listener's flags (--host, --port, --threads) and the fault plan's, the one line printed once it
// listens, serving until SIGINT or SIGTERM, and the exit codes (0 when stopped, 2 for a bad flag,
// 1 when it cannot run, e.g. the port is taken).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "simulators/common/faults.hpp"
#include "simulators/common/server.hpp"

namespace motcua::sim {

/// A CLI11 check: refuses an empty value.
std::string NotEmpty(const std::string& text);

/// A simulator's command line: the listener's flags first, the simulator's own (added to Cli()),
/// then the fault plan's.
class ProgramFlags {
public:
    /// `description` heads --help; `server_name` is the Server header of every answer.
    ProgramFlags(const std::string& description, std::string server_name, FaultPlan& plan);

    CLI::App& Cli() { return cli_; }
    const ListenOptions& Listen() const { return listen_; }

    /// Adds the fault flags and parses: nullopt to go on, or the exit code (after --help, or a
    /// bad flag reported on stderr).
    std::optional<int> Parse(int argc, char** argv);

private:
    CLI::App cli_;
    ListenOptions listen_;
    FaultPlan& plan_;
    std::string fault_kinds_;
};

/// Serves `handler` until SIGINT or SIGTERM. Once it listens, `on_url` (if any) is given the base
/// URL (http://HOST:PORT), then "<title> listening at <url>" is printed on stdout and flushed.
void ServeAndAnnounce(const ListenOptions& listen, std::string_view title, const Handler& handler,
                      const std::function<void(const std::string&)>& on_url = {});

/// main()'s body: run()'s exit code, or 1 after printing "<program>: <error>" on stderr.
int RunProgram(const char* program, const std::function<int()>& run);

}  // namespace motcua::sim
