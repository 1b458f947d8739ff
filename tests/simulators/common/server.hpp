// The simulators' HTTP/1.1 listener: keep-alive connections served by a small pool of threads.
// It knows nothing of what it simulates; every request goes to one handler.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "simulators/common/exchange.hpp"

namespace motcua::sim {

/// Answers one request; called concurrently from the listener's threads.
using Handler = std::function<SimReply(const SimRequest&)>;

struct ListenOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;  ///< 0: a free port.
    int threads = 4;
    std::string server_name = "motcua-simulator";  ///< The Server header of every answer.
};

/// Listens, calls `on_ready` with the bound port, and serves until SIGINT or SIGTERM.
/// Throws std::exception when it cannot listen.
void Serve(const ListenOptions& options, const Handler& handler,
           const std::function<void(std::uint16_t)>& on_ready);

}  // namespace motcua::sim
