// Clock: where "now" comes from. Production uses SystemClock; tests use FakeClock
// (tests/support/fake_clock.hpp) so that they control time. Instants are UTC; civil dates are
// in Asia/Ho_Chi_Minh, a fixed UTC+7 offset with no daylight saving time.
#pragma once

#include <chrono>

namespace motcua {

using Instant = std::chrono::sys_time<std::chrono::microseconds>;

/// Vietnam's offset from UTC; Vietnam has not used daylight saving time since 1975.
inline constexpr std::chrono::hours kVietnamUtcOffset{7};

class Clock {
public:
    virtual ~Clock() = default;
    /// Returns the current instant in UTC.
    virtual Instant Now() const = 0;
    /// Returns today's civil date in Asia/Ho_Chi_Minh.
    std::chrono::year_month_day Today() const {
        return std::chrono::year_month_day{
            std::chrono::floor<std::chrono::days>(Now() + kVietnamUtcOffset)};
    }
};

/// Reads the system's real-time clock.
class SystemClock final : public Clock {
public:
    Instant Now() const override {
        return std::chrono::time_point_cast<std::chrono::microseconds>(
            std::chrono::system_clock::now());
    }
};

}  // namespace motcua
