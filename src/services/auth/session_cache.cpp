#include "services/auth/session_cache.hpp"

#include <algorithm>

namespace motcua::services {

SessionCache::SessionCache(std::chrono::milliseconds ttl, std::size_t max_entries)
    : ttl_(ttl), max_entries_(std::max<std::size_t>(1, max_entries)) {}

std::optional<CachedSession> SessionCache::Find(const std::string& token_hash, Instant now) const {
    if (!IsEnabled()) {
        return std::nullopt;
    }
    const std::lock_guard lock(mutex_);
    const auto found = entries_.find(token_hash);
    if (found == entries_.end() || now >= found->second.fresh_until ||
        now >= found->second.session.session_expires_at) {
        return std::nullopt;
    }
    return found->second.session;
}

std::uint64_t SessionCache::Generation() const {
    const std::lock_guard lock(mutex_);
    return generation_;
}

void SessionCache::Put(const std::string& token_hash, CachedSession session, Instant now,
                       std::uint64_t generation) {
    if (!IsEnabled()) {
        return;
    }
    const std::lock_guard lock(mutex_);
    if (generation != generation_) {
        return;
    }
    if (entries_.size() >= max_entries_) {
        std::erase_if(entries_,
                      [now](const auto& entry) { return now >= entry.second.fresh_until; });
        if (entries_.size() >= max_entries_) {
            entries_.clear();  // Every entry is fresh: the cache is only a shortcut, start over.
        }
    }
    entries_.insert_or_assign(token_hash, Entry{std::move(session), now + ttl_});
}

void SessionCache::ForgetToken(const std::string& token_hash) {
    const std::lock_guard lock(mutex_);
    ++generation_;
    entries_.erase(token_hash);
}

void SessionCache::ForgetAccount(std::int64_t account_id) {
    const std::lock_guard lock(mutex_);
    ++generation_;
    std::erase_if(entries_, [account_id](const auto& entry) {
        return entry.second.session.actor.account_id == account_id;
    });
}

}  // namespace motcua::services
