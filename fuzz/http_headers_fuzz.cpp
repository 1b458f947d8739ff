// The request headers MotCua reads itself (api/http_types.hpp, api/client_address.hpp): the
// session cookie, the Bearer token, X-Forwarded-For behind trusted proxies, and the proxy list
// of the configuration. Fields, one a line: Cookie, Authorization, X-Forwarded-For, the trusted
// proxies, the peer's address.
#include <cstddef>
#include <cstdint>

#include "api/client_address.hpp"
#include "api/http_types.hpp"
#include "common/assert.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace motcua;
    const auto fields = fuzz::Fields(fuzz::AsText(data, size), 5);
    api::Request request;
    request.headers = {{"cookie", std::string(fields[0])},
                       {"authorization", std::string(fields[1])}};
    const auto session = request.Cookie("motcua_session");
    const auto csrf = request.Cookie("motcua_csrf");
    MOTCUA_ASSERT(session.size() <= fields[0].size() && csrf.size() <= fields[0].size(),
                  "a cookie value is part of the header");
    if (const auto token = request.BearerToken()) {
        MOTCUA_ASSERT(fields[1].ends_with(*token), "the token ends the header");
    }
    std::vector<std::string> proxies;
    if (!api::ParseTrustedProxies(fields[3], proxies)) {
        return 0;
    }
    const std::string peer(fields[4]);
    const auto client = api::ClientAddress(peer, fields[2], proxies);
    MOTCUA_ASSERT(client == peer || fields[2].find(client) != std::string_view::npos,
                  "the client is the peer or an entry of X-Forwarded-For");
    return 0;
}
