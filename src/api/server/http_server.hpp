// HttpServer: HTTP/1.1 on Boost.Beast and Asio, with keep-alive, body and header limits, read
// timeouts, caps on connections and concurrent uploads, upload bodies spooled to disk, and
// graceful shutdown: on SIGINT/SIGTERM it stops accepting, lets every request
// already read finish and be answered, then returns from Run(). This header is free of Asio so
// that only http_server.cpp pays for it.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "api/http_api.hpp"

namespace motcua::api {

struct HttpServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  // 0 picks a free port.
    int threads = 2;            // I/O threads.
    /// Threads that run the handlers: a durable write waits for its group commit there, not
    /// on an I/O thread, so many requests share one commit. 0: handlers run on the I/O threads.
    int handler_threads = 32;
    std::size_t body_limit = 1 << 20;
    std::size_t import_body_limit = 64 << 20;    // For /api/v1/import/... (whole files).
    std::size_t upload_body_limit = 64 << 20;    // POST …/dossiers/{code}/files, /e-result.
    std::size_t document_body_limit = 20 << 20;  // POST /api/v1/results/{id}/verification.
    std::size_t header_limit = 16 << 10;
    /// Upload bodies are written here as they arrive, never held in memory ("" = the system's
    /// temporary folder).
    std::string spool_dir;
    int max_connections = 1024;       // Open connections at most; more get 503. 0: no limit.
    int max_concurrent_uploads = 16;  // Upload bodies in progress at most; more get 503.
    std::chrono::seconds read_timeout{30};
    std::chrono::seconds shutdown_grace{20};
};

class HttpServer {
public:
    HttpServer(HttpApi& api, HttpServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds the listening socket; returns the bound port (useful with port 0).
    std::uint16_t Listen();
    /// Serves until SIGINT/SIGTERM (or RequestStop), then drains in-flight requests.
    /// `on_ready` is called once the server accepts connections.
    void Run(const std::function<void(std::uint16_t)>& on_ready);
    /// Starts the graceful shutdown from any thread.
    void RequestStop();

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::api
