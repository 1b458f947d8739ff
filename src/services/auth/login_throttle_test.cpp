#include "services/auth/login_throttle.hpp"

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
    throttle.RecordSuccess("clerk");
    throttle.RecordFailure("clerk", "10.0.0.1", now);
    EXPECT_FALSE(throttle.Check("clerk", "10.0.0.3", now));
}

}  // namespace
}  // namespace motcua::services
