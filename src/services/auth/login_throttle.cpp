#include "services/auth/login_throttle.hpp"

#include <algorithm>
#include <iterator>

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
    return CheckLocked(login, address, now);
}

std::optional<std::chrono::seconds> LoginThrottle::Admit(const std::string& login,
                                                         const std::string& address, Instant now) {
    const std::lock_guard lock(mutex_);
    if (auto wait = CheckLocked(login, address, now)) {
        return wait;
    }
    RecordFailureLocked(login, address, now);
    return std::nullopt;
}

std::optional<std::chrono::seconds> LoginThrottle::CheckLocked(const std::string& login,
                                                               const std::string& address,
                                                               Instant now) {
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
    RecordFailureLocked(login, address, now);
}

void LoginThrottle::RecordFailureLocked(const std::string& login, const std::string& address,
                                        Instant now) {
    by_login_[login].push_back(now);
    by_address_[address].push_back(now);
}

void LoginThrottle::RecordSuccess(const std::string& login, const std::string& address,
                                  Instant admitted_at) {
    const std::lock_guard lock(mutex_);
    by_login_.erase(login);
    const auto found = by_address_.find(address);
    if (found == by_address_.end()) {
        return;
    }
    auto& failures = found->second;
    const auto entry = std::find(failures.rbegin(), failures.rend(), admitted_at);
    if (entry != failures.rend()) {
        failures.erase(std::next(entry).base());
    }
    if (failures.empty()) {
        by_address_.erase(found);
    }
}

}  // namespace motcua::services
