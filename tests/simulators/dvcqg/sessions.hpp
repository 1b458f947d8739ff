// The portal's sign-in sessions (docs/dvcqg.md §2): random tokens that expire after a fixed time.
#pragma once

#include <chrono>
#include <mutex>
#include <random>
#include <string>
#include <unordered_map>

namespace motcua::sim::dvcqg {

/// Issued tokens and their expiry; thread-safe.
class Sessions {
public:
    explicit Sessions(std::chrono::seconds lifetime);
    /// A new token, valid for the lifetime.
    std::string Open();
    /// Whether `token` was issued and has not expired.
    bool IsValid(const std::string& token) const;
    /// Forgets every token (POST /_sim/expire_sessions): the next call of each client gets "-9".
    void ExpireAll();
    std::chrono::seconds Lifetime() const { return lifetime_; }

private:
    const std::chrono::seconds lifetime_;
    mutable std::mutex mutex_;
    std::mt19937_64 random_;
    std::unordered_map<std::string, std::chrono::steady_clock::time_point> expiry_;
};

}  // namespace motcua::sim::dvcqg
