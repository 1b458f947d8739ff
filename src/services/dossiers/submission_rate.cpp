#include "services/dossiers/submission_rate.hpp"

#include <algorithm>

namespace motcua::services {
namespace {

// Accounts counted before the map is swept of days that are over.
constexpr std::size_t kSweepAt = 100000;

std::int64_t MinutesOf(Instant at) {
    return std::chrono::floor<std::chrono::minutes>(at.time_since_epoch()).count();
}

std::int64_t DaysOf(Instant at) {
    return std::chrono::floor<std::chrono::days>(at.time_since_epoch()).count();
}

}  // namespace

std::optional<std::chrono::seconds> SubmissionRate::Admit(std::int64_t account_id, Instant now) {
    const std::lock_guard lock(mutex_);
    const std::int64_t minute = MinutesOf(now);
    const std::int64_t day = DaysOf(now);
    if (by_account_.size() >= kSweepAt) {
        ForgetOldDays(day);
    }
    Windows& windows = by_account_[account_id];
    if (windows.minute != minute) {
        windows.minute = minute;
        windows.in_minute = 0;
    }
    if (windows.day != day) {
        windows.day = day;
        windows.in_day = 0;
    }
    const auto wait_until = [&](std::chrono::sys_time<std::chrono::seconds> next) {
        return std::max(std::chrono::ceil<std::chrono::seconds>(next - now),
                        std::chrono::seconds{1});
    };
    if (limits_.per_day > 0 && windows.in_day >= limits_.per_day) {
        return wait_until(std::chrono::sys_days{std::chrono::days{day + 1}});
    }
    if (limits_.per_minute > 0 && windows.in_minute >= limits_.per_minute) {
        return wait_until(
            std::chrono::sys_time<std::chrono::minutes>{std::chrono::minutes{minute + 1}});
    }
    ++windows.in_minute;
    ++windows.in_day;
    return std::nullopt;
}

void SubmissionRate::TakeBack(std::int64_t account_id, Instant admitted_at) {
    const std::lock_guard lock(mutex_);
    const auto found = by_account_.find(account_id);
    if (found == by_account_.end()) {
        return;
    }
    Windows& windows = found->second;
    if (windows.minute == MinutesOf(admitted_at) && windows.in_minute > 0) {
        --windows.in_minute;
    }
    if (windows.day == DaysOf(admitted_at) && windows.in_day > 0) {
        --windows.in_day;
    }
}

void SubmissionRate::ForgetOldDays(std::int64_t today) {
    std::erase_if(by_account_, [&](const auto& entry) { return entry.second.day != today; });
}

}  // namespace motcua::services
