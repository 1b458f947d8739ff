// The only translation unit of connectors/ that includes Asio and Beast. Each connection owns an
// io_context that the calling thread runs for the time of one operation: blocking calls with
// deadlines (beast::tcp_stream's expiry) and no background thread.
#include "connectors/http/http_client.hpp"

#include <atomic>
#include <mutex>
#include <optional>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace motcua::connectors {
namespace {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;
using ErrorCode = boost::system::error_code;

constexpr std::uint32_t kMaxAnswerHeaderBytes = 16 * 1024;

Error Failure(std::string_view what, std::string detail) {
    return MakeError(ErrorKind::kUnavailable, "unavailable", std::string(what), std::move(detail));
}

Error InvalidConfig(std::string param, std::string detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_config", std::move(param), std::move(detail));
}

// Where the calls go, from the base URL.
struct Endpoint {
    bool tls = false;
    std::string host;         // Without IPv6 brackets: what is resolved and verified.
    std::string port;         // Decimal.
    std::string host_header;  // host[:port] as the Host header wants it.
    std::string prefix;       // The base path without its trailing '/'.
    bool host_is_address = false;
};

Outcome<Endpoint> ParseBaseUrl(const std::string& text) {
    const auto parsed = boost::urls::parse_absolute_uri(text);
    if (!parsed) {
        return InvalidConfig("base_url", "not an absolute URL: " + parsed.error().message());
    }
    const auto& url = *parsed;
    Endpoint endpoint;
    const std::string scheme(url.scheme());
    if (scheme == "https") {
        endpoint.tls = true;
    } else if (scheme != "http") {
        return InvalidConfig("base_url", "the scheme is http or https");
    }
    if (url.has_userinfo() || url.has_query() || url.has_fragment()) {
        return InvalidConfig("base_url", "no user information, query or fragment");
    }
    endpoint.host = url.host_address();
    if (endpoint.host.empty()) {
        return InvalidConfig("base_url", "no host");
    }
    endpoint.host_is_address = url.host_type() == boost::urls::host_type::ipv4 ||
                               url.host_type() == boost::urls::host_type::ipv6;
    endpoint.port = url.has_port() ? std::string(url.port()) : (endpoint.tls ? "443" : "80");
    const bool port_is_number =
        !endpoint.port.empty() && endpoint.port.size() <= 5 &&
        endpoint.port.find_first_not_of("0123456789") == std::string::npos &&
        std::stoi(endpoint.port) >= 1 && std::stoi(endpoint.port) <= 65535;
    if (!port_is_number) {
        return InvalidConfig("base_url", "the port is 1 to 65535");
    }
    endpoint.host_header = std::string(url.encoded_host_and_port());
    endpoint.prefix = std::string(url.encoded_path());
    while (!endpoint.prefix.empty() && endpoint.prefix.back() == '/') {
        endpoint.prefix.pop_back();
    }
    return endpoint;
}

// Header names and values and the target go on the wire verbatim: no line breaks or controls.
bool IsSafeText(std::string_view text, bool allow_space) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f || (!allow_space && byte == ' ')) {
            return false;
        }
    }
    return true;
}

bool IsHttpParseError(const ErrorCode& error) {
    return error.category() == http::make_error_code(http::error::bad_version).category();
}

bool IsTimeout(const ErrorCode& error) {
    return error == beast::error::timeout || error == asio::error::timed_out;
}

// One connection and the io_context its operations run on (declared first: destroyed last).
class Connection {
public:
    Connection(const Endpoint& endpoint, ssl::context* tls) {
        if (endpoint.tls) {
            secure_.emplace(io_, *tls);
        } else {
            plain_.emplace(io_);
        }
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() {
        ErrorCode ignored;
        Tcp().socket().close(ignored);  // No TLS close_notify: it could block; the peer copes.
    }

    beast::tcp_stream& Tcp() {
        if (secure_.has_value()) {
            return secure_->next_layer();
        }
        // The constructor sets one of the two streams, and neither is reset afterwards.
        return *plain_;  // NOLINT(bugprone-unchecked-optional-access)
    }
    bool IsTls() const { return secure_.has_value(); }

    // Runs one asynchronous operation to completion on this thread and returns its result; the
    // operation ends by itself at the stream's expiry.
    template <class Start>
    ErrorCode Run(Start&& start) {
        ErrorCode result;
        start([&result](ErrorCode error, auto&&...) { result = error; });
        io_.restart();
        io_.run();
        return result;
    }

    Outcome<Done> Open(const Endpoint& endpoint, bool verify, SteadyClock::time_point deadline) {
        tcp::resolver resolver(io_);
        ErrorCode error;
        // Blocking getaddrinfo: bounded by the system resolver's own timeouts, not ours.
        const auto addresses = resolver.resolve(endpoint.host, endpoint.port, error);
        if (error) {
            return Failure(kHttpConnectFailed,
                           "cannot resolve " + endpoint.host + ": " + error.message());
        }
        if (SteadyClock::now() >= deadline) {
            return Failure(kHttpTimeout, "resolving " + endpoint.host + " took too long");
        }
        Tcp().expires_at(deadline);
        error = Run([&](auto handler) { Tcp().async_connect(addresses, std::move(handler)); });
        if (error) {
            return Failure(IsTimeout(error) ? kHttpTimeout : kHttpConnectFailed,
                           "cannot connect to " + endpoint.host_header + ": " + error.message());
        }
        ErrorCode ignored;
        Tcp().socket().set_option(tcp::no_delay(true), ignored);
        if (!secure_) {
            return Done{};
        }
        if (!endpoint.host_is_address) {
            // SNI: the server picks the certificate by name (RFC 6066 forbids it for addresses).
            SSL_set_tlsext_host_name(secure_->native_handle(), endpoint.host.c_str());
        }
        if (verify) {
            secure_->set_verify_mode(ssl::verify_peer);
            secure_->set_verify_callback(ssl::host_name_verification(endpoint.host));
        } else {
            secure_->set_verify_mode(ssl::verify_none);
        }
        error = Run([&](auto handler) {
            secure_->async_handshake(ssl::stream_base::client, std::move(handler));
        });
        if (error) {
            if (IsTimeout(error)) {
                return Failure(kHttpTimeout,
                               "TLS handshake with " + endpoint.host_header + " took too long");
            }
            std::string detail = "TLS handshake with " + endpoint.host_header + " failed: ";
            const long verified = SSL_get_verify_result(secure_->native_handle());
            detail +=
                verified != X509_V_OK ? X509_verify_cert_error_string(verified) : error.message();
            return Failure(kHttpTlsFailed, std::move(detail));
        }
        return Done{};
    }

    // Whether an idle pooled connection still looks usable: the peer neither closed nor reset
    // it. Unsolicited bytes on plain HTTP mean a confused peer; over TLS they may be a session
    // ticket, read with the next answer.
    bool LooksAlive() {
        auto& socket = Tcp().socket();
        ErrorCode error;
        socket.non_blocking(true, error);
        if (error) {
            return false;
        }
        char byte = 0;
        const std::size_t read =
            socket.receive(asio::buffer(&byte, 1), tcp::socket::message_peek, error);
        ErrorCode ignored;
        socket.non_blocking(false, ignored);
        if (error == asio::error::would_block || error == asio::error::try_again) {
            return true;
        }
        return !error && read > 0 && IsTls();
    }

    template <class Body>
    ErrorCode Write(http::request<Body>& request) {
        if (secure_) {
            return Run(
                [&](auto handler) { http::async_write(*secure_, request, std::move(handler)); });
        }
        return Run([&](auto handler) { http::async_write(*plain_, request, std::move(handler)); });
    }

    template <class Parser>
    ErrorCode Read(Parser& parser) {
        if (secure_) {
            return Run([&](auto handler) {
                http::async_read(*secure_, buffer_, parser, std::move(handler));
            });
        }
        return Run(
            [&](auto handler) { http::async_read(*plain_, buffer_, parser, std::move(handler)); });
    }

    // Bytes of the next answer already received (none is expected between calls).
    std::size_t Buffered() const { return buffer_.size(); }

    SteadyClock::time_point idle_since;

private:
    asio::io_context io_{1};
    std::optional<beast::tcp_stream> plain_;
    std::optional<beast::ssl_stream<beast::tcp_stream>> secure_;
    beast::flat_buffer buffer_;
};

// What one exchange on one connection gave.
struct Exchange {
    std::optional<Outcome<HttpAnswer>> result;  // Empty: the connection was stale, retry.
    bool keep_alive = false;
};

bool IsClosedBeforeAnswer(const ErrorCode& error) {
    return error == http::error::end_of_stream || error == asio::error::eof ||
           error == asio::error::connection_reset || error == asio::error::broken_pipe ||
           error == ssl::error::stream_truncated;
}

}  // namespace

struct HttpClient::Impl {
    HttpClientOptions options;
    Endpoint endpoint;
    std::optional<ssl::context> tls;
    std::mutex mutex;
    std::vector<std::unique_ptr<Connection>> idle;  // Most recently used last.
    std::atomic<std::int64_t> opened{0};

    std::unique_ptr<Connection> TakeIdle() {
        std::vector<std::unique_ptr<Connection>> stale;  // Closed outside the lock.
        std::unique_ptr<Connection> found;
        {
            const std::lock_guard lock(mutex);
            while (!idle.empty() && !found) {
                auto candidate = std::move(idle.back());
                idle.pop_back();
                if (SteadyClock::now() - candidate->idle_since < options.idle_timeout &&
                    candidate->LooksAlive()) {
                    found = std::move(candidate);
                } else {
                    stale.push_back(std::move(candidate));
                }
            }
        }
        return found;
    }

    void GiveBack(std::unique_ptr<Connection> connection) {
        connection->idle_since = SteadyClock::now();
        const std::lock_guard lock(mutex);
        if (static_cast<int>(idle.size()) < options.max_idle_connections) {
            idle.push_back(std::move(connection));
        }  // Else the connection closes as it goes out of scope (under the lock: no I/O wait).
    }

    Outcome<std::unique_ptr<Connection>> Open(SteadyClock::time_point deadline) {
        auto connection = std::make_unique<Connection>(endpoint, tls ? &*tls : nullptr);
        opened.fetch_add(1);
        const auto connect_deadline =
            std::min(deadline, SteadyClock::now() + options.connect_timeout);
        MOTCUA_RETURN_IF_ERROR(connection->Open(endpoint, options.verify_tls, connect_deadline));
        return connection;
    }

    Exchange Send(Connection& connection, bool reused, http::request<http::string_body>& request,
                  SteadyClock::time_point deadline) const {
        connection.Tcp().expires_at(deadline);
        ErrorCode error = connection.Write(request);
        if (error) {
            if (IsTimeout(error)) {
                return {Failure(kHttpTimeout, "sending the request took too long")};
            }
            if (reused) {
                return {};
            }
            return {Failure(kHttpIoFailed, "cannot send the request: " + error.message())};
        }
        http::response_parser<http::string_body> parser;
        parser.header_limit(kMaxAnswerHeaderBytes);
        parser.body_limit(options.max_answer_bytes);
        error = connection.Read(parser);
        if (error) {
            if (IsTimeout(error)) {
                return {Failure(kHttpTimeout, "no complete answer within the request timeout")};
            }
            if (error == http::error::body_limit || error == http::error::header_limit ||
                error == http::error::buffer_overflow) {
                return {Failure(
                    kHttpAnswerTooLarge,
                    "the answer exceeds " + std::to_string(options.max_answer_bytes) + " bytes")};
            }
            const bool nothing_received = !parser.got_some() && connection.Buffered() == 0;
            if (IsClosedBeforeAnswer(error) && nothing_received && reused) {
                return {};  // The server had closed the idle connection: retry on a new one.
            }
            if (IsHttpParseError(error) && error != http::error::end_of_stream &&
                error != http::error::partial_message) {
                return {Failure(kHttpMalformedAnswer, "not an HTTP answer: " + error.message())};
            }
            if (error.category() == asio::error::get_ssl_category() ||
                error == ssl::error::stream_truncated) {
                return {Failure(kHttpTlsFailed, "TLS failed while reading: " + error.message())};
            }
            return {Failure(kHttpIoFailed,
                            (nothing_received ? "no answer: " : "answer cut: ") + error.message())};
        }
        auto answer = parser.release();
        return {HttpAnswer{static_cast<int>(answer.result_int()), std::move(answer.body())},
                answer.keep_alive()};
    }
};

HttpClient::HttpClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpClient::~HttpClient() = default;

Outcome<std::unique_ptr<HttpClient>> HttpClient::Create(HttpClientOptions options) {
    try {
        auto impl = std::make_unique<Impl>();
        MOTCUA_ASSIGN_OR_RETURN(impl->endpoint, ParseBaseUrl(options.base_url));
        if (options.max_idle_connections < 0) {
            options.max_idle_connections = 0;
        }
        if (impl->endpoint.tls) {
            auto& context = impl->tls.emplace(ssl::context::tls_client);
            context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                                ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                                ssl::context::no_tlsv1_1);
            ErrorCode error;
            context.set_default_verify_paths(error);
            if (error) {
                return InvalidConfig("ca_file",
                                     "cannot read the system CA store: " + error.message());
            }
            if (!options.ca_file.empty()) {
                context.load_verify_file(options.ca_file, error);
                if (error) {
                    return InvalidConfig("ca_file",
                                         "cannot load " + options.ca_file + ": " + error.message());
                }
            }
        }
        impl->options = std::move(options);
        return std::unique_ptr<HttpClient>(new HttpClient(std::move(impl)));
    } catch (const std::exception& exception) {
        return InvalidConfig("base_url", exception.what());
    }
}

Outcome<HttpAnswer> HttpClient::Post(std::string_view target, std::string_view json_body,
                                     const HttpHeaders& headers) {
    try {
        const auto deadline = SteadyClock::now() + impl_->options.request_timeout;
        if (target.empty() || target.front() != '/' || !IsSafeText(target, false)) {
            return MakeError(ErrorKind::kInvalid, "invalid_parameter", "target",
                             "an origin-form target without spaces or controls");
        }
        http::request<http::string_body> request{http::verb::post,
                                                 impl_->endpoint.prefix + std::string(target), 11};
        request.set(http::field::host, impl_->endpoint.host_header);
        request.set(http::field::user_agent, "motcua");
        request.set(http::field::content_type, "application/json");
        request.set(http::field::accept, "application/json");
        for (const auto& [name, value] : headers) {
            if (name.empty() || !IsSafeText(name, false) || !IsSafeText(value, true)) {
                return MakeError(ErrorKind::kInvalid, "invalid_parameter", "headers",
                                 "a header name or value holds a line break or control");
            }
            request.set(name, value);
        }
        request.keep_alive(impl_->options.max_idle_connections > 0);
        request.body() = std::string(json_body);
        request.prepare_payload();

        // A pooled connection first; when the server had closed it, once on a new one.
        auto connection = impl_->TakeIdle();
        bool reused = connection != nullptr;
        for (;;) {
            if (!connection) {
                MOTCUA_ASSIGN_OR_RETURN(connection, impl_->Open(deadline));
            }
            auto exchange = impl_->Send(*connection, reused, request, deadline);
            if (!exchange.result) {
                connection.reset();
                reused = false;
                continue;
            }
            // Bytes beyond the answer would be read as the next call's answer: not reused then.
            if (exchange.result->HasValue() && exchange.keep_alive && connection->Buffered() == 0 &&
                impl_->options.max_idle_connections > 0) {
                impl_->GiveBack(std::move(connection));
            }
            return std::move(*exchange.result);
        }
    } catch (const std::exception& exception) {
        return Failure(kHttpIoFailed, exception.what());
    }
}

std::int64_t HttpClient::ConnectionsOpened() const { return impl_->opened.load(); }

}  // namespace motcua::connectors
