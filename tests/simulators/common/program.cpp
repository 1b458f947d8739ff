#include "simulators/common/program.hpp"

#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "simulators/common/fault_options.hpp"

namespace motcua::sim {

std::string NotEmpty(const std::string& text) {
    return text.empty() ? std::string("must not be empty") : std::string();
}

ProgramFlags::ProgramFlags(const std::string& description, std::string server_name, FaultPlan& plan)
    : cli_(description), plan_(plan) {
    listen_.server_name = std::move(server_name);
    cli_.add_option("--host", listen_.host, "Address to listen on")->capture_default_str();
    cli_.add_option("--port", listen_.port, "Port (0: a free one)")->capture_default_str();
    cli_.add_option("--threads", listen_.threads, "Threads serving connections")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
}

std::optional<int> ProgramFlags::Parse(int argc, char** argv) {
    AddFaultOptions(cli_, plan_, fault_kinds_);
    try {
        cli_.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return cli_.exit(error);
    }
    if (auto error = ApplyFaultKinds(fault_kinds_, plan_)) {
        fmt::print(stderr, "--faults: {}\n", *error);
        return 2;
    }
    return std::nullopt;
}

void ServeAndAnnounce(const ListenOptions& listen, std::string_view title, const Handler& handler,
                      const std::function<void(const std::string&)>& on_url) {
    Serve(listen, handler, [&](std::uint16_t port) {
        const std::string url = fmt::format("http://{}:{}", listen.host, port);
        if (on_url) {
            on_url(url);
        }
        fmt::print("{} listening at {}\n", title, url);
        std::fflush(stdout);
    });
}

int RunProgram(const char* program, const std::function<int()>& run) {
    try {
        return run();
    } catch (const std::exception& error) {  // E.g. the port is taken.
        std::fprintf(stderr, "%s: %s\n", program, error.what());
    } catch (...) {
        std::fprintf(stderr, "%s: unknown error\n", program);
    }
    return 1;
}

}  // namespace motcua::sim
