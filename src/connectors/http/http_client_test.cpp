#include "connectors/http/http_client.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "connectors/http/test_http_server.hpp"

namespace motcua::connectors {
namespace {

using testing::TestCertificate;
using testing::TestHttpServer;
using testing::TestReply;
using testing::TestRequest;

std::unique_ptr<HttpClient> MakeClient(HttpClientOptions options) {
    auto client = HttpClient::Create(std::move(options));
    EXPECT_TRUE(client) << client.GetError().detail;
    return std::move(client).Value();
}

std::unique_ptr<HttpClient> ClientFor(const std::string& base_url) {
    return MakeClient(HttpClientOptions{.base_url = base_url});
}

TestReply Echo(const TestRequest& request) { return {.body = request.body}; }

// A file in the temporary directory, removed with the object.
class TempFile {
public:
    explicit TempFile(const std::string& content) {
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() /
                ("motcua_http_test_" + std::to_string(random()) + ".pem");
        std::ofstream(path_) << content;
    }
    ~TempFile() { std::filesystem::remove(path_); }
    std::string Path() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

TEST(HttpClientTest, PostsJsonWithHeadersUnderTheBasePrefix) {
    TestHttpServer server([](const TestRequest& request) {
        return TestReply{.status = 201, .body = "{\"got\":" + request.body + "}"};
    });
    auto client = ClientFor(server.Url() + "/gateway/");
    const auto answer = client->Post("/api", R"({"a":1})", {{"Idempotency-Key", "dvcqg-7-h"}});
    ASSERT_TRUE(answer) << answer.GetError().detail;
    EXPECT_EQ(answer.Value().status, 201);
    EXPECT_EQ(answer.Value().body, R"({"got":{"a":1}})");
    const auto requests = server.Requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].target, "/gateway/api");
    EXPECT_EQ(requests[0].headers.at("content-type"), "application/json");
    EXPECT_EQ(requests[0].headers.at("idempotency-key"), "dvcqg-7-h");
    EXPECT_EQ(requests[0].headers.at("host"), "127.0.0.1:" + std::to_string(server.Port()));
}

TEST(HttpClientTest, AnyStatusIsAnAnswer) {
    TestHttpServer server([](const TestRequest&) { return TestReply{.status = 503}; });
    auto client = ClientFor(server.Url());
    const auto answer = client->Post("/x", "{}");
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer.Value().status, 503);
}

TEST(HttpClientTest, ReusesKeepAliveConnections) {
    TestHttpServer server(Echo);
    auto client = ClientFor(server.Url());
    for (int i = 0; i < 5; ++i) {
        const auto answer = client->Post("/x", std::to_string(i));
        ASSERT_TRUE(answer) << answer.GetError().detail;
        EXPECT_EQ(answer.Value().body, std::to_string(i));
    }
    EXPECT_EQ(server.Connections(), 1);
    EXPECT_EQ(client->ConnectionsOpened(), 1);
}

TEST(HttpClientTest, ClosesConnectionsWhenThePoolIsOff) {
    TestHttpServer server(Echo);
    auto client = MakeClient({.base_url = server.Url(), .max_idle_connections = 0});
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(client->Post("/x", "{}"));
    }
    EXPECT_EQ(server.Connections(), 3);
    EXPECT_EQ(server.Requests()[0].headers.at("connection"), "close");
}

TEST(HttpClientTest, OpensANewConnectionWhenTheServerAnnouncedClose) {
    TestHttpServer server([](const TestRequest&) { return TestReply{.announce_close = true}; });
    auto client = ClientFor(server.Url());
    ASSERT_TRUE(client->Post("/x", "{}"));
    ASSERT_TRUE(client->Post("/x", "{}"));
    EXPECT_EQ(server.Connections(), 2);
}

TEST(HttpClientTest, RetriesOnceWhenAPooledConnectionWasClosedByTheServer) {
    TestHttpServer server([](const TestRequest&) { return TestReply{.close_silently = true}; });
    auto client = ClientFor(server.Url());
    for (int i = 0; i < 3; ++i) {
        const auto answer = client->Post("/x", "{}");
        ASSERT_TRUE(answer) << answer.GetError().detail;
        // Let the server's close reach the client, so that the next call finds it stale.
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_EQ(server.Connections(), 3);
    EXPECT_EQ(server.Requests().size(), 3u);  // No request was sent twice.
}

TEST(HttpClientTest, RetriesOnceWhenAPooledConnectionDropsTheRequest) {
    // The pooled connection looks alive, takes the request and closes without an answer (a
    // server that timed it out just then): the call is repeated once on a new connection.
    std::atomic<int> seen{0};
    TestHttpServer server([&](const TestRequest&) {
        return TestReply{.body = "{}", .drop = seen.fetch_add(1) == 1};
    });
    auto client = ClientFor(server.Url());
    ASSERT_TRUE(client->Post("/x", "{}"));
    const auto answer = client->Post("/x", "{}");
    ASSERT_TRUE(answer) << answer.GetError().detail;
    EXPECT_EQ(server.Connections(), 2);
    EXPECT_EQ(server.Requests().size(), 3u);
}

TEST(HttpClientTest, DoesNotRetryOnAFreshConnection) {
    TestHttpServer server([](const TestRequest&) { return TestReply{.drop = true}; });
    auto client = ClientFor(server.Url());
    const auto answer = client->Post("/x", "{}");
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.GetError().param, kHttpIoFailed) << answer.GetError().detail;
    EXPECT_EQ(server.Requests().size(), 1u);
}

TEST(HttpClientTest, TimesOutOnASlowServer) {
    TestHttpServer server([](const TestRequest&) {
        return TestReply{.body = "{}", .delay = std::chrono::milliseconds(3000)};
    });
    auto client =
        MakeClient({.base_url = server.Url(), .request_timeout = std::chrono::milliseconds(200)});
    const auto started = std::chrono::steady_clock::now();
    const auto answer = client->Post("/x", "{}");
    const auto took = std::chrono::steady_clock::now() - started;
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.GetError().kind, ErrorKind::kUnavailable);
    EXPECT_EQ(answer.GetError().param, kHttpTimeout);
    EXPECT_LT(took, std::chrono::milliseconds(2000));
}

TEST(HttpClientTest, RefusesAnAnswerLargerThanTheLimit) {
    const std::string big(3000, 'x');
    TestHttpServer server([&](const TestRequest&) { return TestReply{.body = big}; });
    auto client = MakeClient({.base_url = server.Url(), .max_answer_bytes = 1000});
    const auto answer = client->Post("/x", "{}");
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.GetError().param, kHttpAnswerTooLarge);
}

TEST(HttpClientTest, RefusesALargeChunkedAnswerWithoutReadingItAll) {
    const std::string big(4 << 20, 'x');  // 4 MiB against the default 1 MiB limit.
    TestHttpServer server(
        [&](const TestRequest&) { return TestReply{.body = big, .chunked = true}; });
    auto client = ClientFor(server.Url());
    const auto answer = client->Post("/x", "{}");
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.GetError().param, kHttpAnswerTooLarge);
}

TEST(HttpClientTest, ReportsAMalformedAnswer) {
    TestHttpServer server(
        [](const TestRequest&) { return TestReply{.raw = "SMTP ready, not HTTP\r\n\r\n"}; });
    auto client = ClientFor(server.Url());
    const auto answer = client->Post("/x", "{}");
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.GetError().param, kHttpMalformedAnswer) << answer.GetError().detail;
}

TEST(HttpClientTest, ReportsAConnectionClosedWithoutAnAnswer) {
    TestHttpServer server([](const TestRequest&) { return TestReply{.raw = " "}; });
    auto client = ClientFor(server.Url());
    const auto answer = client->Post("/x", "{}");
    ASSERT_FALSE(answer);
    EXPECT_NE(answer.GetError().param, "");
}

TEST(HttpClientTest, ReportsARefusedConnection) {
    unsigned short port = 0;
    {
        boost::asio::io_context io;
        boost::asio::ip::tcp::acceptor acceptor(io,
                                                {boost::asio::ip::make_address("127.0.0.1"), 0});
        port = acceptor.local_endpoint().port();
    }  // Closed: nothing listens there now.
    auto client = ClientFor("http://127.0.0.1:" + std::to_string(port));
    const auto answer = client->Post("/x", "{}");
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.GetError().param, kHttpConnectFailed);
}

TEST(HttpClientTest, IsSafeFromSeveralThreads) {
    TestHttpServer server([](const TestRequest& request) {
        return TestReply{.body = request.body, .delay = std::chrono::milliseconds(2)};
    });
    auto client = MakeClient({.base_url = server.Url(), .max_idle_connections = 4});
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    threads.reserve(6);
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                const std::string body = std::to_string(t * 100 + i);
                const auto answer = client->Post("/x", body);
                if (!answer || answer.Value().body != body) {
                    failures.fetch_add(1);
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(server.Requests().size(), 120u);
    EXPECT_LT(server.Connections(), 60);  // Reused, mostly.
}

TEST(HttpClientTest, RefusesBadBaseUrlsAndHeaders) {
    for (const char* url : {"", "not a url", "ftp://host/", "http://", "http://user:pw@host/",
                            "http://host:0/", "http://host/?q=1", "http://host:99999/"}) {
        const auto client = HttpClient::Create({.base_url = url});
        ASSERT_FALSE(client) << url;
        EXPECT_EQ(client.GetError().code, "invalid_config");
        EXPECT_EQ(client.GetError().param, "base_url");
    }
    auto client = ClientFor("http://127.0.0.1:9");
    EXPECT_FALSE(client->Post("/x", "{}", {{"X-Bad", "a\r\nInjected: 1"}}));
    EXPECT_FALSE(client->Post("x", "{}"));
    EXPECT_FALSE(client->Post("/a b", "{}"));
}

TEST(HttpClientTest, RefusesAMissingCaFile) {
    const auto client = HttpClient::Create(
        {.base_url = "https://127.0.0.1:1", .ca_file = "/nonexistent/motcua-ca.pem"});
    ASSERT_FALSE(client);
    EXPECT_EQ(client.GetError().param, "ca_file");
}

class HttpsTest : public ::testing::Test {
protected:
    TestCertificate certificate_ = testing::MakeTestCertificate("IP:127.0.0.1");
    TempFile ca_file_{certificate_.certificate_pem};
    TestHttpServer server_{Echo, &certificate_};
};

TEST_F(HttpsTest, VerifiesTheCertificateAgainstTheConfiguredCa) {
    auto client = MakeClient({.base_url = server_.Url("https"), .ca_file = ca_file_.Path()});
    for (int i = 0; i < 3; ++i) {
        const auto answer = client->Post("/x", "{\"tls\":true}");
        ASSERT_TRUE(answer) << answer.GetError().detail;
        EXPECT_EQ(answer.Value().body, "{\"tls\":true}");
    }
    EXPECT_EQ(server_.Connections(), 1);
}

TEST_F(HttpsTest, RefusesAnUntrustedCertificate) {
    auto client = ClientFor(server_.Url("https"));  // The system store only.
    const auto answer = client->Post("/x", "{}");
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.GetError().param, kHttpTlsFailed);
    EXPECT_NE(answer.GetError().detail.find("certificate"), std::string::npos)
        << answer.GetError().detail;
}

TEST_F(HttpsTest, RefusesACertificateForAnotherHost) {
    auto client = MakeClient({.base_url = "https://localhost:" + std::to_string(server_.Port()),
                              .ca_file = ca_file_.Path()});
    const auto answer = client->Post("/x", "{}");
    ASSERT_FALSE(answer);
    // localhost may resolve to ::1 first, where nothing listens; 127.0.0.1 then fails TLS.
    EXPECT_TRUE(answer.GetError().param == kHttpTlsFailed ||
                answer.GetError().param == kHttpConnectFailed)
        << answer.GetError().detail;
}

TEST_F(HttpsTest, AcceptsAnyCertificateWhenVerificationIsOff) {
    auto client = MakeClient({.base_url = server_.Url("https"), .verify_tls = false});
    const auto answer = client->Post("/x", "{}");
    ASSERT_TRUE(answer) << answer.GetError().detail;
}

TEST_F(HttpsTest, ReportsTlsToAPlainServer) {
    TestHttpServer plain(Echo);
    auto client = MakeClient({.base_url = plain.Url("https"), .ca_file = ca_file_.Path()});
    const auto answer = client->Post("/x", "{}");
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.GetError().param, kHttpTlsFailed) << answer.GetError().detail;
}

}  // namespace
}  // namespace motcua::connectors
