#include "api/metrics_access.hpp"

#include <algorithm>

#include "services/auth/credentials.hpp"

namespace motcua::api {

bool MayReadMetrics(const Request& request, const MetricsAccess& access) {
    if (std::find(access.allow.begin(), access.allow.end(), request.remote_address) !=
        access.allow.end()) {
        return true;
    }
    const auto bearer = request.BearerToken();
    if (access.token.empty() || !bearer) {
        return false;
    }
    // Compared as digests, in constant time: neither the length nor a prefix leaks.
    return services::ConstantTimeEquals(services::HashToken(*bearer),
                                        services::HashToken(access.token));
}

}  // namespace motcua::api
