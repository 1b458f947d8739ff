// SessionCache: verified sessions kept in memory for a short time, so that a request does not
// read its session and account from the database again (the lookup benchmark spent an eighth of
// its time there). An entry lives at most `ttl` and never past its session's expiry. This
// process forgets a token at logout and every token of an account whose password, roles or
// state change (AccountService, AuthService); a revocation made by another process (a second
// `motcua serve`, the CLI) takes effect here within `ttl`. A zero ttl turns the cache off.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/clock.hpp"
#include "domain/access/actor.hpp"

namespace motcua::services {

struct CachedSession {
    domain::Actor actor;  // Without a remote address: that belongs to each request.
    bool is_cookie = false;
    std::string csrf_hash;
    Instant session_expires_at;
};

class SessionCache {
public:
    SessionCache(std::chrono::milliseconds ttl, std::size_t max_entries);

    bool IsEnabled() const { return ttl_.count() > 0; }
    /// The session under `token_hash` when it was verified less than ttl ago and has not expired.
    std::optional<CachedSession> Find(const std::string& token_hash, Instant now) const;
    /// Stamp to take before reading a session from the database, and to hand to Put.
    std::uint64_t Generation() const;
    /// Keeps `session`, unless something was forgotten since `generation` was taken (the read
    /// may have seen the database before that change).
    void Put(const std::string& token_hash, CachedSession session, Instant now,
             std::uint64_t generation);
    void ForgetToken(const std::string& token_hash);
    void ForgetAccount(std::int64_t account_id);

private:
    struct Entry {
        CachedSession session;
        Instant fresh_until;
    };

    std::chrono::milliseconds ttl_;
    std::size_t max_entries_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
    std::uint64_t generation_ = 0;
};

}  // namespace motcua::services
