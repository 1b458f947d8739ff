// SharedAnswers: answers that many callers ask for at once (the public dashboard's ranking),
// computed by one caller and shared for `fresh_for`. When an answer grows stale, the first caller
// computes it again while the others are given the stale one meanwhile (at most one computation
// old), instead of every caller computing it at the same moment — at 5M dossiers that moment
// cost 350 ms at p99 with 64 callers; callers of an answer not computed yet wait for the one
// computing it. A computation that fails leaves the stale answer in place.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/clock.hpp"
#include "common/outcome.hpp"

namespace motcua::services {

template <typename T>
class SharedAnswers {
public:
    SharedAnswers(std::chrono::microseconds fresh_for, std::size_t max_keys)
        : fresh_for_(fresh_for), max_keys_(max_keys) {}

    Outcome<std::shared_ptr<const T>> Get(const std::string& key, Instant now,
                                          const std::function<Outcome<T>()>& compute) {
        {
            std::unique_lock lock(mutex_);
            if (entries_.size() >= max_keys_ && entries_.find(key) == entries_.end()) {
                std::erase_if(entries_, [](const auto& item) { return !item.second.refreshing; });
            }
            auto& entry = entries_[key];
            // The very first answer: one caller computes it, the others wait for it.
            computed_.wait(lock, [&] { return entry.answer || !entry.refreshing; });
            if (entry.answer) {
                const bool fresh = now >= entry.computed_at && now - entry.computed_at < fresh_for_;
                if (fresh || entry.refreshing) {
                    return entry.answer;
                }
            }
            entry.refreshing = true;  // This caller computes; the others keep the old answer.
        }
        auto computed = compute();
        std::shared_ptr<const T> answer;
        {
            const std::lock_guard lock(mutex_);
            auto& entry = entries_[key];
            entry.refreshing = false;
            if (computed) {
                // The value moves out, `computed` stays whole: on failure its error is read below.
                answer = std::make_shared<const T>(std::move(computed.Value()));
                entry.answer = answer;
                entry.computed_at = now;
            }
        }
        computed_.notify_all();
        if (!answer) {
            return computed.GetError();
        }
        return answer;
    }

private:
    struct Entry {
        Instant computed_at;
        std::shared_ptr<const T> answer;
        bool refreshing = false;
    };

    std::chrono::microseconds fresh_for_;
    std::size_t max_keys_;
    std::mutex mutex_;
    std::condition_variable computed_;
    std::unordered_map<std::string, Entry> entries_;  // Never erased while being computed.
};

}  // namespace motcua::services
