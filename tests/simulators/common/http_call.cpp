// The outbound calls of http_call.hpp, on Asio and Beast (beast.hpp) like the listener.
#include "simulators/common/http_call.hpp"

#include <boost/url/parse.hpp>

#include "simulators/common/beast.hpp"

namespace motcua::sim {
namespace {

constexpr std::size_t kAnswerLimit = std::size_t{1024} * 1024;

}  // namespace

HttpCallResult CallHttp(std::string_view method, std::string_view url,
                        std::string_view content_type, std::string_view body,
                        std::chrono::milliseconds timeout) {
    HttpCallResult result;
    const auto parsed = boost::urls::parse_uri(url);
    if (!parsed || parsed->scheme() != "http" || parsed->host().empty()) {
        result.error = "not an http:// URL: " + std::string(url);
        return result;
    }
    const std::string host = parsed->host();
    const std::string port = parsed->has_port() ? std::string(parsed->port()) : "80";
    std::string target = parsed->encoded_path().empty() ? "/" : std::string(parsed->encoded_path());
    if (parsed->has_query()) {
        target += "?" + std::string(parsed->encoded_query());
    }

    http::request<http::string_body> request{http::string_to_verb(method), target, 11};
    request.set(http::field::host, host + ":" + port);
    request.set(http::field::user_agent, "motcua-simulator");
    if (!content_type.empty()) {
        request.set(http::field::content_type, content_type);
    }
    request.body() = std::string(body);
    request.keep_alive(false);
    request.prepare_payload();

    asio::io_context io;
    beast::tcp_stream stream(io);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(kAnswerLimit);
    boost::system::error_code failure;
    tcp::resolver resolver(io);
    stream.expires_after(timeout);
    resolver.async_resolve(host, port, [&](auto error, const tcp::resolver::results_type& found) {
        if (error) {
            failure = error;
            return;
        }
        stream.async_connect(found, [&](auto connect_error, const auto& /*endpoint*/) {
            if (connect_error) {
                failure = connect_error;
                return;
            }
            http::async_write(stream, request, [&](auto write_error, std::size_t /*bytes*/) {
                if (write_error) {
                    failure = write_error;
                    return;
                }
                http::async_read(
                    stream, buffer, parser,
                    [&](auto read_error, std::size_t /*bytes*/) { failure = read_error; });
            });
        });
    });
    io.run();
    if (failure) {
        result.error = failure.message();
        return result;
    }
    result.status = static_cast<int>(parser.get().result_int());
    result.body = parser.get().body();
    return result;
}

}  // namespace motcua::sim
