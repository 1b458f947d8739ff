// The only translation unit that includes Asio and Beast (they dominate build time).
#include "api/server/http_server.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "api/request_target.hpp"
#include "common/spooled_file.hpp"

namespace motcua::api {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

// The request line and headers of `message` (any body type) as a Request without a body.
template <class Body>
Request ToRequest(http::request<Body>& message, RequestTarget target, const tcp::socket& socket) {
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    request.segments = std::move(target.segments);
    request.query = std::move(target.query);
    for (const auto& field : message) {
        std::string name(field.name_string());
        for (char& c : name) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    boost::system::error_code error;
    const auto remote = socket.remote_endpoint(error);
    if (!error) {
        request.remote_address = remote.address().to_string();
    }
    return request;
}

// Counts one holder of a capped resource (a connection, an upload) while it lives.
class Slot {
public:
    explicit Slot(std::atomic<int>& count) : count_(count), held_(count.fetch_add(1) + 1) {}
    ~Slot() { count_.fetch_sub(1); }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    /// Whether this holder is beyond `limit` (0: no limit).
    bool Exceeds(int limit) const { return limit > 0 && held_ > limit; }

private:
    std::atomic<int>& count_;
    int held_;
};

// What a request's route carries in its body, which sets its limit and where it is read to.
// kDocument: a whole file checked without an account (POST /api/v1/results/{id}/verification),
// read in memory under its own limit and counted with the uploads.
enum class BodyKind { kSmall, kImport, kUpload, kDocument };

http::response<http::string_body> ToMessage(Response response, unsigned version, bool keep_alive,
                                            bool is_head) {
    http::response<http::string_body> message{static_cast<http::status>(response.status), version};
    message.set(http::field::server, "motcua");
    const bool has_no_body = response.status == 204 || response.status == 304;
    if (!has_no_body) {
        message.set(http::field::content_type, response.content_type);
    }
    for (auto& [name, value] : response.headers) {
        message.insert(name, value);
    }
    message.body() = std::move(response.body);
    message.keep_alive(keep_alive);
    if (has_no_body) {
        // 204 and 304 carry neither a body nor a Content-Length (RFC 9110 §8.6).
        message.body().clear();
        message.erase(http::field::content_length);
        return message;
    }
    message.prepare_payload();
    if (is_head) {
        message.body().clear();  // Content-Length still describes the GET body.
    }
    return message;
}

}  // namespace

class HttpServer::Impl {
public:
    Impl(HttpApi& api, HttpServerOptions options)
        : api_(api),
          options_(std::move(options)),
          io_(options_.threads),
          handlers_(static_cast<std::size_t>(std::max(1, options_.handler_threads))),
          acceptor_(io_),
          signals_(io_, SIGINT, SIGTERM) {}

    std::uint16_t Listen() {
        const tcp::endpoint endpoint(asio::ip::make_address(options_.host), options_.port);
        acceptor_.open(endpoint.protocol());
        acceptor_.set_option(asio::socket_base::reuse_address(true));
        acceptor_.bind(endpoint);
        acceptor_.listen(asio::socket_base::max_listen_connections);
        port_ = acceptor_.local_endpoint().port();
        return port_;
    }

    void Run(const std::function<void(std::uint16_t)>& on_ready) {
        signals_.async_wait([this](boost::system::error_code error, int signal_number) {
            if (!error) {
                spdlog::info("signal {} received: finishing in-flight requests", signal_number);
                BeginShutdown();
            }
        });
        asio::co_spawn(io_, Accept(), asio::detached);
        if (on_ready) {
            on_ready(port_);
        }
        std::vector<std::thread> workers;
        for (int i = 1; i < options_.threads; ++i) {
            workers.emplace_back([this] { io_.run(); });
        }
        io_.run();
        for (auto& worker : workers) {
            worker.join();
        }
    }

    void BeginShutdown() {
        asio::post(io_, [this] {
            if (stopping_.exchange(true)) {
                return;
            }
            boost::system::error_code ignored;
            acceptor_.close(ignored);
            signals_.cancel(ignored);
            asio::co_spawn(io_, Drain(), asio::detached);
        });
    }

private:
    asio::awaitable<void> Accept() {
        for (;;) {
            auto [error, socket] = co_await acceptor_.async_accept(kNoThrow);
            if (error) {
                if (stopping_) {
                    co_return;
                }
                spdlog::warn("accept failed: {}", error.message());
                continue;
            }
            socket.set_option(tcp::no_delay(true), error);
            auto slot = std::make_shared<Slot>(connections_);
            if (slot->Exceeds(options_.max_connections)) {
                asio::co_spawn(io_, Refuse(std::move(socket), "too_many_connections", slot),
                               asio::detached);
                continue;
            }
            asio::co_spawn(io_, Serve(std::move(socket), slot), asio::detached);
        }
    }

    // Waits until every request already read has been answered, then stops the event loop.
    asio::awaitable<void> Drain() {
        asio::steady_timer timer(io_);
        const auto deadline = std::chrono::steady_clock::now() + options_.shutdown_grace;
        while (in_flight_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
            timer.expires_after(std::chrono::milliseconds(10));
            co_await timer.async_wait(kNoThrow);
        }
        if (in_flight_.load() > 0) {
            spdlog::warn("shutdown grace period over with {} requests in flight",
                         in_flight_.load());
        }
        io_.stop();
    }

    // Answers 503 with `code` on a connection over a cap, then closes it.
    asio::awaitable<void> Refuse(tcp::socket socket, const char* code,
                                 std::shared_ptr<Slot> /*slot*/) {
        beast::tcp_stream stream(std::move(socket));
        stream.expires_after(options_.read_timeout);
        auto reply = ToMessage(Busy(code), 11, false, false);
        co_await http::async_write(stream, reply, kNoThrow);
        co_await LingeringClose(stream);
    }

    // Ends a connection: no more to send, then what the client still sends is read and dropped
    // until it closes its side, for at most kLingerTime and kLingerBytes. Closing a socket with
    // unread bytes makes the kernel reset the connection, and a client still sending a body we
    // refused early (413, 401) would get the reset instead of our answer.
    static constexpr auto kLingerTime = std::chrono::seconds(2);
    static constexpr std::size_t kLingerBytes = std::size_t{16} << 20;
    static asio::awaitable<void> LingeringClose(beast::tcp_stream& stream) {
        boost::system::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream.expires_after(kLingerTime);
        std::array<char, 16384> scratch{};
        std::size_t dropped = 0;
        while (dropped < kLingerBytes) {
            auto [error, read] = co_await stream.async_read_some(asio::buffer(scratch), kNoThrow);
            if (error) {
                break;  // The client closed, or the time is up.
            }
            dropped += read;
        }
    }

    Response Busy(const char* code) {
        Response response = api_.HandleProtocolError(503, code);
        response.With("Retry-After", "1");
        return response;
    }

    asio::awaitable<void> Serve(tcp::socket socket, std::shared_ptr<Slot> /*connection*/) {
        beast::tcp_stream stream(std::move(socket));
        beast::flat_buffer buffer;
        for (;;) {
            http::request_parser<http::string_body> parser;
            parser.header_limit(static_cast<std::uint32_t>(options_.header_limit));
            // Beast checks Content-Length against the limit while it parses the header, so the
            // header is read under the largest limit and the route's own limit is set after it.
            parser.body_limit(std::max({options_.body_limit, options_.import_body_limit,
                                        options_.upload_body_limit, options_.document_body_limit}));
            stream.expires_after(options_.read_timeout);
            boost::system::error_code error = co_await FillHeader(stream, buffer);
            if (!error && HasObsFold(buffer)) {
                // A header line continued on the next (obs-fold, RFC 9112 §5.2): refused, as
                // proxies may read it otherwise than we do (request smuggling).
                error = http::error::bad_obs_fold;
            }
            if (!error) {
                auto [header_error, header_bytes] =
                    co_await http::async_read_header(stream, buffer, parser, kNoThrow);
                error = header_error;
            }
            if (!error && !IsSupportedTransferEncoding(parser.get())) {
                error = http::error::bad_transfer_encoding;
            }
            if (error) {
                co_await AnswerReadError(stream, error);
                break;
            }
            const auto& header = parser.get();
            const unsigned version = header.version();
            const bool is_head = header.method() == http::verb::head;
            const bool wants_keep_alive = header.keep_alive();
            const BodyKind kind = BodyKindOf(header);
            const std::size_t limit = LimitOf(kind);
            parser.body_limit(limit);
            std::optional<Slot> upload;
            std::optional<Response> refusal;
            if (parser.content_length() && *parser.content_length() > limit) {
                error = http::error::body_limit;
            } else if (limit > options_.body_limit && kind != BodyKind::kDocument &&
                       !HasSession(header, stream)) {
                // Whole files are accepted only from signed-in callers: an anonymous client
                // cannot make the server take in many large bodies.
                refusal = api_.HandleProtocolError(401, "authentication_required");
            } else if ((kind == BodyKind::kUpload || kind == BodyKind::kDocument) &&
                       upload.emplace(uploads_).Exceeds(options_.max_concurrent_uploads)) {
                refusal = Busy("too_many_uploads");
            }
            if (refusal) {
                auto reply = ToMessage(*std::move(refusal), version, false, false);
                stream.expires_after(options_.read_timeout);
                co_await http::async_write(stream, reply, kNoThrow);
                break;
            }
            std::optional<Request> request;
            if (!error) {
                // Two statements, not a conditional operator: GCC 12 destroys an awaitable
                // chosen by ?: too early (heap-use-after-free under ASan).
                ReadResult read;
                if (kind == BodyKind::kUpload) {
                    read = co_await ReadSpooled(stream, buffer, parser);
                } else {
                    read = co_await ReadInMemory(stream, buffer, parser);
                }
                error = read.first;
                request = std::move(read.second);
            }
            if (error) {
                co_await AnswerReadError(stream, error);
                break;
            }
            in_flight_.fetch_add(1);
            Response response = co_await Handle(std::move(request));
            upload.reset();  // The spooled body is gone once the handler is done with it.
            const bool keep_alive = wants_keep_alive && !stopping_;
            auto reply = ToMessage(std::move(response), version, keep_alive, is_head);
            stream.expires_after(options_.read_timeout);
            auto [write_error, written] = co_await http::async_write(stream, reply, kNoThrow);
            in_flight_.fetch_sub(1);
            if (write_error || !keep_alive) {
                break;
            }
        }
        co_await LingeringClose(stream);
    }

    using ReadResult = std::pair<boost::system::error_code, std::optional<Request>>;

    // Reads a small body into memory; the Request is empty when the target is malformed.
    asio::awaitable<ReadResult> ReadInMemory(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                             http::request_parser<http::string_body>& parser) {
        auto [error, bytes] = co_await http::async_read(stream, buffer, parser, kNoThrow);
        if (error) {
            co_return ReadResult{error, std::nullopt};
        }
        auto& message = parser.get();
        auto target = ParseRequestTarget(message.target());
        if (!target) {
            co_return ReadResult{{}, std::nullopt};
        }
        Request request = ToRequest(message, std::move(target).Value(), stream.socket());
        request.body = std::move(message.body());
        co_return ReadResult{{}, std::move(request)};
    }

    // Writes an upload's body to a file in the spool folder as it arrives: memory stays at the
    // read buffer's size whatever the upload's.
    asio::awaitable<ReadResult> ReadSpooled(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                            http::request_parser<http::string_body>& parser) {
        http::request_parser<http::file_body> file_parser{std::move(parser)};
        file_parser.body_limit(options_.upload_body_limit);
        const auto path = SpoolPath();
        boost::system::error_code error;
        file_parser.get().body().open(path.c_str(), beast::file_mode::write_new, error);
        if (error) {
            spdlog::error("cannot create the spool file {}: {}", path.string(), error.message());
            co_return ReadResult{make_error_code(boost::system::errc::io_error), std::nullopt};
        }
        auto [read_error, bytes] = co_await http::async_read(stream, buffer, file_parser, kNoThrow);
        auto& message = file_parser.get();
        message.body().close();
        // file_body's size() is the size at open (0 for a new file): ask the file system.
        std::error_code size_error;
        const std::uint64_t size = std::filesystem::file_size(path, size_error);
        // Owned from here: removed when the request is done, or now on failure.
        auto spooled = std::make_shared<const SpooledFile>(path, size);
        if (read_error) {
            co_return ReadResult{read_error, std::nullopt};
        }
        auto target = ParseRequestTarget(message.target());
        if (!target) {
            co_return ReadResult{{}, std::nullopt};
        }
        Request request = ToRequest(message, std::move(target).Value(), stream.socket());
        request.spooled_body = std::move(spooled);
        co_return ReadResult{{}, std::move(request)};
    }

    std::filesystem::path SpoolPath() {
        const std::filesystem::path folder = options_.spool_dir.empty()
                                                 ? std::filesystem::temp_directory_path()
                                                 : std::filesystem::path(options_.spool_dir);
        return folder / fmt::format("upload-{}-{}", ::getpid(), spool_sequence_.fetch_add(1));
    }

    // Runs the handler (on the handler pool when there is one); a malformed target is a 400.
    asio::awaitable<Response> Handle(std::optional<Request> request) {
        if (!request) {
            co_return api_.HandleProtocolError(400, "bad_request");
        }
        if (options_.handler_threads <= 0) {
            co_return api_.Handle(*std::move(request));
        }
        co_return co_await asio::co_spawn(
            handlers_,
            [this, &request]() -> asio::awaitable<Response> {
                co_return api_.Handle(*std::move(request));
            },
            asio::use_awaitable);
    }

    // Reads until the buffer holds a whole header (the blank line), or the header limit, so
    // that its raw bytes can be checked before Beast parses them.
    asio::awaitable<boost::system::error_code> FillHeader(beast::tcp_stream& stream,
                                                          beast::flat_buffer& buffer) const {
        constexpr std::size_t kChunk = 4096;
        for (;;) {
            const std::string_view data(static_cast<const char*>(buffer.data().data()),
                                        buffer.size());
            if (data.find("\r\n\r\n") != std::string_view::npos ||
                buffer.size() > options_.header_limit) {
                co_return boost::system::error_code{};
            }
            auto [error, read] = co_await stream.async_read_some(buffer.prepare(kChunk), kNoThrow);
            if (error) {
                // Bytes already received: let the parser judge them (a partial message).
                co_return buffer.size() == 0 ? error : boost::system::error_code{};
            }
            buffer.commit(read);
        }
    }

    // Whether the header at the front of `buffer` continues a line on the next (obs-fold).
    static bool HasObsFold(const beast::flat_buffer& buffer) {
        const std::string_view data(static_cast<const char*>(buffer.data().data()), buffer.size());
        const std::string_view header = data.substr(0, data.find("\r\n\r\n"));
        return header.find("\r\n ") != std::string_view::npos ||
               header.find("\r\n\t") != std::string_view::npos;
    }

    // Only "chunked" is read as a transfer coding: any other (gzip, identity, a list, a
    // misspelling) is refused rather than guessed at (RFC 9112 §6.1).
    static bool IsSupportedTransferEncoding(const http::request<http::string_body>& header) {
        const auto coding = header[http::field::transfer_encoding];
        return coding.empty() || beast::iequals(coding, "chunked");
    }

    // Checks the session of a request whose body has not been read yet.
    bool HasSession(const http::request<http::string_body>& header,
                    const beast::tcp_stream& stream) {
        Request request;
        for (const auto* name : {"authorization", "cookie"}) {
            const auto value = header[name];
            if (!value.empty()) {
                request.headers.emplace_back(name, std::string(value));
            }
        }
        boost::system::error_code error;
        const auto remote = stream.socket().remote_endpoint(error);
        request.remote_address = error ? std::string{} : remote.address().to_string();
        return api_.HasValidSession(request);
    }

    // Imports and file uploads carry whole files; every other route keeps the small limit.
    static BodyKind BodyKindOf(const http::request<http::string_body>& header) {
        constexpr std::string_view kImportPrefix = "/api/v1/import/";
        constexpr std::string_view kDossierPrefix = "/api/v1/dossiers/";
        const std::string_view target = header.target();
        const std::string_view path = target.substr(0, target.find('?'));
        if (header.method() != http::verb::post) {
            return BodyKind::kSmall;
        }
        if (path.starts_with(kImportPrefix)) {
            return BodyKind::kImport;
        }
        constexpr std::string_view kResultPrefix = "/api/v1/results/";
        if (path.starts_with(kResultPrefix) && path.ends_with("/verification")) {
            return BodyKind::kDocument;
        }
        const auto is_upload = [&](std::string_view suffix) {
            return path.size() > kDossierPrefix.size() + suffix.size() &&
                   path.starts_with(kDossierPrefix) && path.ends_with(suffix);
        };
        return is_upload("/files") || is_upload("/e-result") ? BodyKind::kUpload : BodyKind::kSmall;
    }

    std::size_t LimitOf(BodyKind kind) const {
        switch (kind) {
            case BodyKind::kImport:
                return options_.import_body_limit;
            case BodyKind::kUpload:
                return options_.upload_body_limit;
            case BodyKind::kDocument:
                return options_.document_body_limit;
            case BodyKind::kSmall:
                break;
        }
        return options_.body_limit;
    }

    // Oversized or malformed requests get a problem+json answer; closed sockets get nothing.
    asio::awaitable<void> AnswerReadError(beast::tcp_stream& stream,
                                          boost::system::error_code error) {
        int status = 0;
        const char* code = "";
        if (error == http::error::body_limit) {
            status = 413;
            code = "body_too_large";
        } else if (error == boost::system::errc::io_error) {
            status = 503;  // The spool folder cannot take the upload.
            code = "unavailable";
        } else if (error == http::error::header_limit) {
            status = 431;
            code = "header_too_large";
        } else if (error.category() ==
                       http::make_error_code(http::error::end_of_stream).category() &&
                   error != http::error::end_of_stream && error != http::error::partial_message) {
            status = 400;
            code = "bad_request";
        }
        if (status == 0) {
            co_return;
        }
        auto reply = ToMessage(api_.HandleProtocolError(status, code), 11, false, false);
        stream.expires_after(options_.read_timeout);
        co_await http::async_write(stream, reply, kNoThrow);
    }

    HttpApi& api_;
    HttpServerOptions options_;
    asio::io_context io_;
    asio::thread_pool handlers_;
    tcp::acceptor acceptor_;
    asio::signal_set signals_;
    std::uint16_t port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<int> in_flight_{0};
    std::atomic<int> connections_{0};
    std::atomic<int> uploads_{0};
    std::atomic<std::uint64_t> spool_sequence_{0};
};

HttpServer::HttpServer(HttpApi& api, HttpServerOptions options)
    : impl_(std::make_unique<Impl>(api, std::move(options))) {}

HttpServer::~HttpServer() = default;

std::uint16_t HttpServer::Listen() { return impl_->Listen(); }

void HttpServer::Run(const std::function<void(std::uint16_t)>& on_ready) { impl_->Run(on_ready); }

void HttpServer::RequestStop() { impl_->BeginShutdown(); }

}  // namespace motcua::api
