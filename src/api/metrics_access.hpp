// Who may read GET /metrics (login failure counts, per-route traffic): the client addresses of
// `metrics_allow` (loopback by default: a Prometheus on the same machine), or a scraper that
// presents `metrics_token` as `Authorization: Bearer <token>` when one is configured. Everyone
// else gets 403. The address is the client's, after trusted proxies (client_address.hpp).
#pragma once

#include <string>
#include <vector>

#include "api/http_types.hpp"

namespace motcua::api {

struct MetricsAccess {
    std::vector<std::string> allow = {"127.0.0.1", "::1"};  // Client addresses; empty: none.
    std::string token;                                      // Empty: no token accepted.
};

/// True when `request` may read the metrics under `access`.
bool MayReadMetrics(const Request& request, const MetricsAccess& access);

}  // namespace motcua::api
