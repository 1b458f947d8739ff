#include "api/metrics_access.hpp"

#include <algorithm>
#include <string_view>

#include "services/auth/credentials.hpp"

namespace motcua::api {

bool MayReadMetrics(const Request& request, const MetricsAccess& access) {
    if (std::find(access.allow.begin(), access.allow.end(), request.remote_address) !=
        access.allow.end()) {
        return true;
    }
    constexpr std::string_view kBearer = "Bearer ";
    const auto authorization = request.Header("authorization");
    if (access.token.empty() || !authorization.starts_with(kBearer)) {
        return false;
    }
    // Compared as digests, in constant time: neither the length nor a prefix leaks.
    return services::ConstantTimeEquals(services::HashToken(authorization.substr(kBearer.size())),
                                        services::HashToken(access.token));
}

}  // namespace motcua::api
