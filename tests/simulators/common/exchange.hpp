// One HTTP exchange as a simulator sees it: the request the listener read and what to do with
// it. Kept free of Beast so that only server.cpp pays for Asio and Beast.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace motcua::sim {

/// A request read from a connection (the body is at most 1 MiB; `too_large` when it was more).
struct SimRequest {
    std::string method;
    std::string path;   ///< The target without its query string.
    std::string query;  ///< What follows the '?' of the target, still encoded; empty if none.
    std::string body;
    std::optional<std::string> idempotency_key;
    std::optional<std::string> authorization;  ///< The Authorization header, as sent.
    bool too_large = false;
};

/// How the listener ends an exchange.
enum class Delivery {
    kAnswer,  ///< Write the reply (after `delay`).
    kClose,   ///< Close the connection without answering (after `delay`).
};

/// What the listener sends back.
struct SimReply {
    int status = 200;
    std::string body;
    std::string content_type = "application/json; charset=utf-8";
    std::chrono::milliseconds delay{0};
    Delivery delivery = Delivery::kAnswer;
    bool close_after = false;  ///< Close the connection after answering (no keep-alive).
    std::string location;      ///< The Location header (a redirect), when not empty.
};

}  // namespace motcua::sim
