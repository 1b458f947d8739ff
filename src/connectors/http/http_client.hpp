// HttpClient: the blocking HTTP/1.1 client the connectors use to call external systems with JSON
// — http:// or https:// (certificate and host name verified against the system's CA store or a
// configured CA file), bounded in time (connect, whole call) and in answer size, with a small pool
// of keep-alive connections shared by the threads that call it. Beast and Asio stay in
// http_client.cpp (they dominate build time).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/outcome.hpp"

namespace motcua::connectors {

struct HttpClientOptions {
    /// "http[s]://host[:port][/prefix]": each call's target is appended to the prefix.
    std::string base_url;
    /// Resolving, connecting and the TLS handshake of one new connection.
    std::chrono::milliseconds connect_timeout{3000};
    /// The whole call, a connection and a retry included.
    std::chrono::milliseconds request_timeout{10000};
    /// A larger answer body is an error, detected without reading it all.
    std::size_t max_answer_bytes = std::size_t{1} << 20;
    /// A PEM file of certificates trusted besides the system's CA store; empty: the store only.
    std::string ca_file;
    /// Off only for tests and lab set-ups: accepts any certificate.
    bool verify_tls = true;
    /// Keep-alive connections kept for reuse; 0 closes each connection after its call.
    int max_idle_connections = 8;
    /// An idle connection older than this is closed instead of reused (servers drop them).
    std::chrono::milliseconds idle_timeout{30000};
};

/// An HTTP answer of any status: the caller decides what a status means.
struct HttpAnswer {
    int status = 0;
    std::string body;
};

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

/// The `param` of a failed call's Error (kind kUnavailable, code "unavailable"): what failed.
inline constexpr std::string_view kHttpConnectFailed = "connect";  // Resolve or TCP connect.
inline constexpr std::string_view kHttpTimeout = "timeout";        // A deadline passed.
inline constexpr std::string_view kHttpTlsFailed = "tls";  // Handshake or certificate refused.
inline constexpr std::string_view kHttpAnswerTooLarge = "answer_too_large";
inline constexpr std::string_view kHttpMalformedAnswer = "malformed_answer";  // Not HTTP/1.x.
inline constexpr std::string_view kHttpIoFailed = "io";  // The connection broke mid-call.

class HttpClient {
public:
    /// Parses the base URL (Boost.URL) and prepares TLS; opens no connection yet. Fails with
    /// kInvalid "invalid_config" (param "base_url" or "ca_file").
    static Outcome<std::unique_ptr<HttpClient>> Create(HttpClientOptions options);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    /// POSTs `json_body` (Content-Type: application/json) to the base prefix + `target` and
    /// returns the answer, whatever its status. Thread-safe. A pooled connection the server
    /// closed while idle (the call fails before any answer byte) is retried once on a new
    /// connection, within the same request timeout: callers send idempotent calls only.
    Outcome<HttpAnswer> Post(std::string_view target, std::string_view json_body,
                             const HttpHeaders& headers = {});

    /// Returns how many connections were opened so far (tests and metrics).
    std::int64_t ConnectionsOpened() const;

private:
    struct Impl;
    explicit HttpClient(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::connectors
