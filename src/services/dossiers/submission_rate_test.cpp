#include "services/dossiers/submission_rate.hpp"

#include <gtest/gtest.h>

namespace motcua::services {
namespace {

using std::chrono::seconds;

// 2026-12-05 10:00:30 UTC.
const Instant kNoon = std::chrono::sys_days{std::chrono::year{2026} / 12 / 5} +
                      std::chrono::hours{10} + std::chrono::seconds{30};

TEST(SubmissionRate, RefusesPastTheMinuteLimitUntilTheNextMinute) {
    SubmissionRate rate({3, 100});
    for (int i = 0; i < 3; ++i) {
        EXPECT_FALSE(rate.Admit(7, kNoon));
    }
    EXPECT_EQ(rate.Admit(7, kNoon), seconds{30});
    EXPECT_FALSE(rate.Admit(8, kNoon)) << "another account has its own count";
    EXPECT_FALSE(rate.Admit(7, kNoon + seconds{30}));
}

TEST(SubmissionRate, RefusesPastTheDayLimitUntilMidnightUtc) {
    SubmissionRate rate({0, 2});
    EXPECT_FALSE(rate.Admit(7, kNoon));
    EXPECT_FALSE(rate.Admit(7, kNoon + std::chrono::hours{1}));
    EXPECT_EQ(rate.Admit(7, kNoon + std::chrono::hours{2}), seconds{11 * 3600 + 59 * 60 + 30});
    EXPECT_FALSE(rate.Admit(7, kNoon + std::chrono::hours{14}));
}

TEST(SubmissionRate, ATakenBackSubmissionDoesNotCount) {
    SubmissionRate rate({1, 0});
    EXPECT_FALSE(rate.Admit(7, kNoon));
    rate.TakeBack(7, kNoon);
    EXPECT_FALSE(rate.Admit(7, kNoon));
    EXPECT_TRUE(rate.Admit(7, kNoon));
}

TEST(SubmissionRate, ZeroMeansNoLimit) {
    SubmissionRate rate({0, 0});
    for (int i = 0; i < 1000; ++i) {
        ASSERT_FALSE(rate.Admit(7, kNoon));
    }
}

}  // namespace
}  // namespace motcua::services
