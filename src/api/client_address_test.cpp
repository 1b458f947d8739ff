#include "api/client_address.hpp"

#include <gtest/gtest.h>

namespace motcua::api {
namespace {

const std::vector<std::string> kNginx = {"127.0.0.1", "::1"};

TEST(ClientAddress, IgnoresTheHeaderFromAnUntrustedPeer) {
    EXPECT_EQ(ClientAddress("203.0.113.9", "198.51.100.1", kNginx), "203.0.113.9");
    EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1", {}), "127.0.0.1");
}

TEST(ClientAddress, TakesWhatTheTrustedProxySaw) {
    EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1", kNginx), "198.51.100.1");
    EXPECT_EQ(ClientAddress("::1", "2001:db8::5", kNginx), "2001:db8::5");
    EXPECT_EQ(ClientAddress("127.0.0.1", "", kNginx), "127.0.0.1");
}

TEST(ClientAddress, NeverBelievesWhatAClientWroteLeftOfTheProxysEntry) {
    // The client sent "X-Forwarded-For: 10.9.9.9"; nginx appended the address it saw.
    EXPECT_EQ(ClientAddress("127.0.0.1", "10.9.9.9, 198.51.100.1", kNginx), "198.51.100.1");
    // Two trusted proxies in a row are skipped.
    EXPECT_EQ(ClientAddress("127.0.0.1", "10.9.9.9, 198.51.100.1, ::1", kNginx), "198.51.100.1");
    // Garbage where the proxy's entry should be: the peer, not the garbage.
    EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1, <script>", kNginx), "127.0.0.1");
    // Only trusted entries: the leftmost.
    EXPECT_EQ(ClientAddress("127.0.0.1", "::1, 127.0.0.1", kNginx), "::1");
}

TEST(ClientAddress, ParsesTheTrustedList) {
    std::vector<std::string> proxies;
    EXPECT_TRUE(ParseTrustedProxies(" 127.0.0.1, ::1 ,", proxies));
    EXPECT_EQ(proxies, kNginx);
    EXPECT_TRUE(ParseTrustedProxies("", proxies));
    EXPECT_TRUE(proxies.empty());
    EXPECT_FALSE(ParseTrustedProxies("127.0.0.1, localhost", proxies));
}

}  // namespace
}  // namespace motcua::api
