// The listener, on Asio and Beast (beast.hpp). Each connection is a coroutine on its own strand; a
// request's delay (the slow and timeout faults) waits on a timer, so that slow answers never hold a
// thread and later answers may overtake them.
#include "simulators/common/server.hpp"

#include <algorithm>
#include <array>
#include <csignal>
#include <thread>
#include <vector>

#include "simulators/common/beast.hpp"

namespace motcua::sim {
namespace {

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
constexpr std::uint64_t kBodyLimit = std::uint64_t{1024} * 1024;  // Larger bodies are answered 413.
constexpr std::uint32_t kHeaderLimit = std::uint32_t{64} * 1024;
// A keep-alive connection may idle this long between requests (the connector's pool reuses them).
constexpr auto kIdleTimeout = std::chrono::seconds(120);
constexpr auto kWriteTimeout = std::chrono::seconds(60);
constexpr auto kLingerTimeout = std::chrono::seconds(2);
constexpr std::size_t kLingerBytes = std::size_t{8} * 1024 * 1024;

SimRequest ToSimRequest(const http::request<http::string_body>& message, bool too_large) {
    SimRequest request;
    request.method = std::string(message.method_string());
    const std::string_view target = message.target();
    const auto question = target.find('?');
    request.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos) {
        request.query = std::string(target.substr(question + 1));
    }
    if (const auto key = message.find("Idempotency-Key"); key != message.end()) {
        request.idempotency_key = std::string(key->value());
    }
    if (const auto token = message.find(http::field::authorization); token != message.end()) {
        request.authorization = std::string(token->value());
    }
    request.too_large = too_large;
    if (!too_large) {
        request.body = message.body();
    }
    return request;
}

// After an answer that ends the connection (a 413 before its body was read, or Connection:
// close): stop sending, then read and drop what the client still sends, so that closing with
// unread data does not reset the connection before the client has read the answer.
asio::awaitable<void> LingeringClose(beast::tcp_stream& stream) {
    boost::system::error_code error;
    stream.socket().shutdown(tcp::socket::shutdown_send, error);
    stream.expires_after(kLingerTimeout);
    std::array<char, 16384> sink{};
    std::size_t drained = 0;
    while (drained < kLingerBytes) {
        auto [read_error, bytes] = co_await stream.async_read_some(asio::buffer(sink), kNoThrow);
        if (read_error) {
            break;
        }
        drained += bytes;
    }
}

void CloseNow(beast::tcp_stream& stream) {
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream.socket().close(ignored);
}

asio::awaitable<void> ServeConnection(tcp::socket socket, const Handler& handler,
                                      const std::string& server_name) {
    boost::system::error_code error;
    socket.set_option(tcp::no_delay(true), error);
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    for (;;) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(kBodyLimit);
        parser.header_limit(kHeaderLimit);
        stream.expires_after(kIdleTimeout);
        auto [read_error, read_bytes] = co_await http::async_read(stream, buffer, parser, kNoThrow);
        const bool too_large = read_error == http::error::body_limit;
        if (read_error && !too_large) {
            co_return;  // Closed by the client, idle too long, or not HTTP.
        }
        const auto& message = parser.get();
        SimReply reply = handler(ToSimRequest(message, too_large));
        stream.expires_never();
        if (reply.delay.count() > 0) {
            asio::steady_timer timer(co_await asio::this_coro::executor);
            timer.expires_after(reply.delay);
            co_await timer.async_wait(kNoThrow);
        }
        if (reply.delivery == Delivery::kClose) {
            CloseNow(stream);
            co_return;
        }
        const bool keep_alive = message.keep_alive() && !too_large && !reply.close_after;
        http::response<http::string_body> response{static_cast<http::status>(reply.status),
                                                   message.version()};
        response.set(http::field::server, server_name);
        response.set(http::field::content_type, reply.content_type);
        if (!reply.location.empty()) {
            response.set(http::field::location, reply.location);
        }
        response.body() = std::move(reply.body);
        response.keep_alive(keep_alive);
        response.prepare_payload();
        stream.expires_after(kWriteTimeout);
        auto [write_error, written] = co_await http::async_write(stream, response, kNoThrow);
        if (write_error) {
            co_return;
        }
        if (!keep_alive) {
            co_await LingeringClose(stream);
            co_return;
        }
    }
}

asio::awaitable<void> Accept(asio::io_context& io, tcp::acceptor& acceptor, const Handler& handler,
                             const std::string& server_name) {
    for (;;) {
        auto [error, socket] = co_await acceptor.async_accept(asio::make_strand(io), kNoThrow);
        if (error == asio::error::operation_aborted) {
            co_return;
        }
        if (error) {
            continue;  // E.g. out of descriptors for a moment.
        }
        const auto executor = socket.get_executor();
        asio::co_spawn(executor, ServeConnection(std::move(socket), handler, server_name),
                       asio::detached);
    }
}

}  // namespace

void Serve(const ListenOptions& options, const Handler& handler,
           const std::function<void(std::uint16_t)>& on_ready) {
    const int threads = std::max(1, options.threads);
    asio::io_context io(threads);
    tcp::acceptor acceptor(io);
    const tcp::endpoint endpoint(asio::ip::make_address(options.host), options.port);
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);

    asio::signal_set signals(io, SIGINT, SIGTERM);
    // Nothing to drain: what a simulator received lives only in memory and goes with the process.
    signals.async_wait([&io](boost::system::error_code error, int /*signal*/) {
        if (!error) {
            io.stop();
        }
    });
    asio::co_spawn(io, Accept(io, acceptor, handler, options.server_name), asio::detached);
    on_ready(acceptor.local_endpoint().port());

    std::vector<std::thread> workers;
    for (int i = 1; i < threads; ++i) {
        workers.emplace_back([&io] { io.run(); });
    }
    io.run();
    for (auto& worker : workers) {
        worker.join();
    }
}

}  // namespace motcua::sim
