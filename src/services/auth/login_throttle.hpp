// LoginThrottle: slows password guessing. Failed sign-ins are counted per account login and per
// client address within a sliding window; past the limit, further attempts are refused with a
// Retry-After until the window has passed. Counters live in this process (a restart or another
// process starts afresh), which bounds guessing per process — documented in docs/security.md.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/clock.hpp"

namespace motcua::services {

struct ThrottleLimits {
    int failures_per_login = 5;
    int failures_per_address = 20;
    std::chrono::seconds window{15 * 60};
};

class LoginThrottle {
public:
    explicit LoginThrottle(ThrottleLimits limits = {}) : limits_(limits) {}
    /// Returns how long to wait when `login` or `address` is over its limit at `now`.
    std::optional<std::chrono::seconds> Check(const std::string& login, const std::string& address,
                                              Instant now);
    void RecordFailure(const std::string& login, const std::string& address, Instant now);
    /// Check and RecordFailure in one step: under the limits, counts this attempt as a failure
    /// at once, so that parallel guesses cannot all pass the check before any is recorded;
    /// returns the wait when over. A successful attempt is taken back with RecordSuccess.
    std::optional<std::chrono::seconds> Admit(const std::string& login, const std::string& address,
                                              Instant now);
    /// Forgets the login's failures after a successful sign-in, and takes back the address
    /// entry Admit counted at `admitted_at`.
    void RecordSuccess(const std::string& login, const std::string& address, Instant admitted_at);

private:
    using Failures = std::deque<Instant>;
    std::optional<std::chrono::seconds> WaitFor(Failures& failures, int limit, Instant now) const;
    std::optional<std::chrono::seconds> CheckLocked(const std::string& login,
                                                    const std::string& address, Instant now);
    void RecordFailureLocked(const std::string& login, const std::string& address, Instant now);

    ThrottleLimits limits_;
    std::mutex mutex_;
    std::unordered_map<std::string, Failures> by_login_;
    std::unordered_map<std::string, Failures> by_address_;
};

}  // namespace motcua::services
