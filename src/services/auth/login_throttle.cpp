#include "services/auth/login_throttle.hpp"

namespace motcua::services {

std::optional<std::chrono::seconds> LoginThrottle::WaitFor(Failures& failures, int limit,
                                                           Instant now) const {
    while (!failures.empty() && now - failures.front() >= limits_.window) {
        failures.pop_front();
    }
    if (static_cast<int>(failures.size()) < limit) {
        return std::nullopt;
    }
    // Allowed again once the oldest counted failure leaves the window.
    const auto wait =
        std::chrono::ceil<std::chrono::seconds>(failures.front() + limits_.window - now);
    return std::max(wait, std::chrono::seconds{1});
}

std::optional<std::chrono::seconds> LoginThrottle::Check(const std::string& login,
                                                         const std::string& address, Instant now) {
    const std::lock_guard lock(mutex_);
    // Only keys with failures are kept: a check alone never grows the maps.
    auto check = [&](std::unordered_map<std::string, Failures>& map, const std::string& key,
                     int limit) -> std::optional<std::chrono::seconds> {
        const auto found = map.find(key);
        if (found == map.end()) {
            return std::nullopt;
        }
        auto wait = WaitFor(found->second, limit, now);
        if (found->second.empty()) {
            map.erase(found);
        }
        return wait;
    };
    auto by_login = check(by_login_, login, limits_.failures_per_login);
    auto by_address = check(by_address_, address, limits_.failures_per_address);
    if (by_login && by_address) {
        return std::max(*by_login, *by_address);
    }
    return by_login ? by_login : by_address;
}

void LoginThrottle::RecordFailure(const std::string& login, const std::string& address,
                                  Instant now) {
    const std::lock_guard lock(mutex_);
    by_login_[login].push_back(now);
    by_address_[address].push_back(now);
}

void LoginThrottle::RecordSuccess(const std::string& login) {
    const std::lock_guard lock(mutex_);
    by_login_.erase(login);
}

}  // namespace motcua::services
