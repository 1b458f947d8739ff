#include "services/auth/login_throttle.hpp"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace motcua::services {
namespace {

TEST(LoginThrottle, BlocksALoginAfterFiveFailuresUntilTheWindowPasses) {
    LoginThrottle throttle;
    Instant now{};
    for (int i = 0; i < 5; ++i) {
        EXPECT_FALSE(throttle.Check("clerk", "10.0.0.1", now));
        throttle.RecordFailure("clerk", "10.0.0.1", now);
        now += std::chrono::seconds(10);
    }
    const auto wait = throttle.Check("clerk", "10.0.0.2", now);
    ASSERT_TRUE(wait);
    EXPECT_EQ(*wait, std::chrono::seconds(15 * 60 - 50));
    EXPECT_FALSE(throttle.Check("other", "10.0.0.2", now));
    now += *wait;
    EXPECT_FALSE(throttle.Check("clerk", "10.0.0.2", now));
}

TEST(LoginThrottle, BlocksAnAddressTryingManyLogins) {
    LoginThrottle throttle;
    const Instant now{};
    for (int i = 0; i < 20; ++i) {
        throttle.RecordFailure("user" + std::to_string(i), "10.0.0.9", now);
    }
    EXPECT_TRUE(throttle.Check("fresh", "10.0.0.9", now));
    EXPECT_FALSE(throttle.Check("fresh", "10.0.0.8", now));
}

TEST(LoginThrottle, SuccessClearsTheLoginCounter) {
    LoginThrottle throttle;
    const Instant now{};
    for (int i = 0; i < 4; ++i) {
        throttle.RecordFailure("clerk", "10.0.0.1", now);
    }
    throttle.RecordSuccess("clerk", "10.0.0.1", now);
    throttle.RecordFailure("clerk", "10.0.0.1", now);
    EXPECT_FALSE(throttle.Check("clerk", "10.0.0.3", now));
}

}  // namespace
TEST(LoginThrottle, ParallelAttemptsCannotAllPassTheCheck) {
    LoginThrottle throttle;
    const Instant now{};
    std::atomic<int> admitted{0};
    {
        constexpr int kGuessers = 32;
        std::vector<std::jthread> guessers;
        guessers.reserve(kGuessers);
        for (int i = 0; i < kGuessers; ++i) {
            guessers.emplace_back([&] {
                if (!throttle.Admit("clerk", "10.0.0.1", now)) {
                    ++admitted;
                }
            });
        }
    }
    EXPECT_EQ(admitted.load(), 5);  // failures_per_login: each admitted attempt counts at once.
}

TEST(LoginThrottle, ASuccessfulAttemptIsTakenBackFromTheAddressCounter) {
    LoginThrottle throttle;
    const Instant now{};
    for (int i = 0; i < 19; ++i) {
        ASSERT_FALSE(throttle.Admit("user" + std::to_string(i), "10.0.0.9", now));
    }
    const Instant later = now + std::chrono::seconds{1};
    ASSERT_FALSE(throttle.Admit("clerk", "10.0.0.9", later));
    throttle.RecordSuccess("clerk", "10.0.0.9", later);
    EXPECT_FALSE(throttle.Admit("fresh", "10.0.0.9", later));  // The 20th failure: still allowed.
    EXPECT_TRUE(throttle.Admit("other", "10.0.0.9", later));   // Over the address limit.
}

}  // namespace motcua::services
