// SubmissionRate: how many dossiers one applicant account may submit online (nộp hồ sơ trực
// tuyến) per minute and per day. A review saw one citizen account create 9,948 dossiers in a
// minute, each a record officers must look at; past the limit a submission is refused with 429
// and a Retry-After. Counted in fixed windows (the current minute and the current UTC day) in
// this process, like LoginThrottle: a restart or another process starts afresh, so the limit
// bounds each process. Officers receiving at the desk are not limited.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "common/clock.hpp"

namespace motcua::services {

struct SubmissionLimits {
    int per_minute = 10;  // 0: no limit.
    int per_day = 100;    // 0: no limit.
};

class SubmissionRate {
public:
    explicit SubmissionRate(SubmissionLimits limits = {}) : limits_(limits) {}

    /// Counts one submission of `account_id` at `now` and returns nothing, or returns how long to
    /// wait when the account is at a limit (nothing is counted then).
    std::optional<std::chrono::seconds> Admit(std::int64_t account_id, Instant now);
    /// Takes back a submission Admit counted at `admitted_at` that then failed or was a replay.
    void TakeBack(std::int64_t account_id, Instant admitted_at);

private:
    struct Windows {
        std::int64_t minute = 0;  // Minutes since the epoch of the counted minute.
        int in_minute = 0;
        std::int64_t day = 0;  // Days since the epoch (UTC) of the counted day.
        int in_day = 0;
    };
    void ForgetOldDays(std::int64_t today);

    SubmissionLimits limits_;
    std::mutex mutex_;
    std::unordered_map<std::int64_t, Windows> by_account_;
};

}  // namespace motcua::services
