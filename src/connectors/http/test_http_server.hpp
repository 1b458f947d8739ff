// TestHttpServer: a tiny HTTP/1.1 server on 127.0.0.1:0 in a thread of its own, for the
// connectors' unit tests only (it includes Beast: never include it from library code). A handler
// decides each answer, and can delay it, cut the connection, answer garbage or stream a body;
// TLS when given a server context (MakeTestCertificate makes a self-signed one in memory).
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace motcua::connectors::testing {

/// What the server received: the target, the body and the headers (names in lower case).
struct TestRequest {
    std::string target;
    std::string body;
    std::map<std::string, std::string> headers;
};

/// How the server answers one request.
struct TestReply {
    int status = 200;
    std::string body;
    std::chrono::milliseconds delay{0};  // Waits before answering.
    bool close_silently = false;  // Closes the connection after answering, without saying so.
    bool announce_close = false;  // Answers with "Connection: close" and closes.
    std::string raw;              // Written instead of an HTTP answer, then the connection closes.
    bool chunked = false;         // Sends the body chunked, without Content-Length.
    bool drop = false;            // Closes the connection without answering.
};

/// A self-signed certificate (also its own CA) for `subject_alt_name`, e.g. "IP:127.0.0.1".
struct TestCertificate {
    std::string certificate_pem;
    std::string key_pem;
};

inline TestCertificate MakeTestCertificate(const std::string& subject_alt_name) {
    EVP_PKEY* key = EVP_EC_gen("P-256");
    X509* certificate = X509_new();
    X509_set_version(certificate, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate), 1);
    X509_gmtime_adj(X509_getm_notBefore(certificate), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate), 24L * 3600);
    X509_set_pubkey(certificate, key);
    X509_NAME* name = X509_get_subject_name(certificate);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("motcua test"), -1, -1, 0);
    X509_set_issuer_name(certificate, name);
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    for (const auto& [nid, value] :
         {std::pair{NID_subject_alt_name, subject_alt_name},
          std::pair{NID_basic_constraints, std::string("critical,CA:TRUE")}}) {
        X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
        X509_add_ext(certificate, extension, -1);
        X509_EXTENSION_free(extension);
    }
    X509_sign(certificate, key, EVP_sha256());
    const auto to_text = [](auto write) {
        BIO* bio = BIO_new(BIO_s_mem());
        write(bio);
        char* data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        std::string text(data, static_cast<std::size_t>(size));
        BIO_free(bio);
        return text;
    };
    TestCertificate result{
        to_text([&](BIO* bio) { PEM_write_bio_X509(bio, certificate); }), to_text([&](BIO* bio) {
            PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
        })};
    X509_free(certificate);
    EVP_PKEY_free(key);
    return result;
}

class TestHttpServer {
public:
    using Handler = std::function<TestReply(const TestRequest&)>;

    /// Starts listening at once; `certificate` non-null: HTTPS with it.
    explicit TestHttpServer(Handler handler, const TestCertificate* certificate = nullptr)
        : handler_(std::move(handler)),
          io_(std::make_unique<boost::asio::io_context>(1)),
          acceptor_(std::in_place, *io_,
                    Tcp::endpoint{boost::asio::ip::make_address("127.0.0.1"), 0}) {
        if (certificate != nullptr) {
            namespace ssl = boost::asio::ssl;
            tls_ = std::make_unique<ssl::context>(ssl::context::tls_server);
            tls_->use_certificate_chain(boost::asio::buffer(certificate->certificate_pem));
            tls_->use_private_key(boost::asio::buffer(certificate->key_pem), ssl::context::pem);
        }
        port_ = acceptor_->local_endpoint().port();
        boost::asio::co_spawn(*io_, Accept(), boost::asio::detached);
        thread_ = std::thread([this] { io_->run(); });
    }
    ~TestHttpServer() {
        io_->stop();
        thread_.join();
        acceptor_.reset();
        io_.reset();  // Destroys the suspended sessions while the members they use live.
    }
    TestHttpServer(const TestHttpServer&) = delete;
    TestHttpServer& operator=(const TestHttpServer&) = delete;

    unsigned short Port() const { return port_; }
    std::string Url(const std::string& scheme = "http") const {
        return scheme + "://127.0.0.1:" + std::to_string(port_);
    }
    /// Connections accepted so far.
    int Connections() const { return connections_.load(); }
    std::vector<TestRequest> Requests() const {
        const std::lock_guard lock(mutex_);
        return requests_;
    }

private:
    using Tcp = boost::asio::ip::tcp;
    static constexpr auto kNoThrow = boost::asio::as_tuple(boost::asio::use_awaitable);

    boost::asio::awaitable<void> Accept() {
        for (;;) {
            auto [error, socket] = co_await acceptor_->async_accept(kNoThrow);
            if (error) {
                co_return;
            }
            connections_.fetch_add(1);
            if (tls_) {
                boost::asio::co_spawn(*io_, ServeTls(std::move(socket)), boost::asio::detached);
            } else {
                boost::asio::co_spawn(*io_, ServePlain(std::move(socket)), boost::asio::detached);
            }
        }
    }

    boost::asio::awaitable<void> ServeTls(Tcp::socket socket) {
        boost::asio::ssl::stream<Tcp::socket> stream(std::move(socket), *tls_);
        auto [error] =
            co_await stream.async_handshake(boost::asio::ssl::stream_base::server, kNoThrow);
        if (!error) {
            co_await Serve(stream);
        }
    }

    boost::asio::awaitable<void> ServePlain(Tcp::socket socket) { co_await Serve(socket); }

    template <class Stream>
    boost::asio::awaitable<void> Serve(Stream& stream) {
        namespace http = boost::beast::http;
        boost::beast::flat_buffer buffer;
        for (;;) {
            http::request<http::string_body> message;
            auto [read_error, read] = co_await http::async_read(stream, buffer, message, kNoThrow);
            if (read_error) {
                co_return;
            }
            TestRequest request{std::string(message.target()), message.body(), {}};
            for (const auto& field : message) {
                std::string name(field.name_string());
                for (char& c : name) {
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                }
                request.headers[name] = std::string(field.value());
            }
            {
                const std::lock_guard lock(mutex_);
                requests_.push_back(request);
            }
            const TestReply reply = handler_(request);
            if (reply.delay.count() > 0) {
                boost::asio::steady_timer timer(stream.get_executor(), reply.delay);
                co_await timer.async_wait(kNoThrow);
            }
            if (reply.drop) {
                co_return;
            }
            if (!reply.raw.empty()) {
                co_await boost::asio::async_write(stream, boost::asio::buffer(reply.raw), kNoThrow);
                co_return;
            }
            http::response<http::string_body> answer{static_cast<http::status>(reply.status), 11};
            answer.set(http::field::content_type, "application/json");
            answer.keep_alive(!reply.announce_close && message.keep_alive());
            answer.body() = reply.body;
            if (reply.chunked) {
                answer.chunked(true);
            } else {
                answer.prepare_payload();
            }
            auto [write_error, written] = co_await http::async_write(stream, answer, kNoThrow);
            if (write_error || reply.close_silently || !answer.keep_alive()) {
                co_return;
            }
        }
    }

    Handler handler_;
    std::unique_ptr<boost::asio::io_context> io_;
    std::optional<Tcp::acceptor> acceptor_;
    std::unique_ptr<boost::asio::ssl::context> tls_;
    unsigned short port_ = 0;
    std::atomic<int> connections_{0};
    mutable std::mutex mutex_;
    std::vector<TestRequest> requests_;
    std::thread thread_;
};

}  // namespace motcua::connectors::testing
