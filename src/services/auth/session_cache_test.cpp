#include "services/auth/session_cache.hpp"

#include <gtest/gtest.h>

namespace motcua::services {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

CachedSession SessionOf(std::int64_t account_id, Instant expires_at) {
    CachedSession session;
    session.actor.account_id = account_id;
    session.session_expires_at = expires_at;
    return session;
}

TEST(SessionCache, KeepsASessionForItsTtlAndNeverPastItsExpiry) {
    SessionCache cache(milliseconds(2000), 100);
    const Instant now{};
    cache.Put("a", SessionOf(1, now + minutes(10)), now, cache.Generation());
    cache.Put("b", SessionOf(2, now + milliseconds(500)), now, cache.Generation());
    ASSERT_TRUE(cache.Find("a", now + milliseconds(1999)));
    EXPECT_EQ(cache.Find("a", now + milliseconds(1999))->actor.account_id, 1);
    EXPECT_FALSE(cache.Find("a", now + milliseconds(2000)));  // Read again from the database.
    EXPECT_TRUE(cache.Find("b", now + milliseconds(499)));
    EXPECT_FALSE(cache.Find("b", now + milliseconds(500)));  // The session itself expired.
    EXPECT_FALSE(cache.Find("unknown", now));
}

TEST(SessionCache, ForgetsATokenAndEveryTokenOfAnAccount) {
    SessionCache cache(milliseconds(2000), 100);
    const Instant now{};
    const Instant later = now + minutes(10);
    cache.Put("a1", SessionOf(1, later), now, cache.Generation());
    cache.Put("a2", SessionOf(1, later), now, cache.Generation());
    cache.Put("b", SessionOf(2, later), now, cache.Generation());
    cache.ForgetToken("b");
    EXPECT_FALSE(cache.Find("b", now));
    EXPECT_TRUE(cache.Find("a1", now));
    cache.ForgetAccount(1);
    EXPECT_FALSE(cache.Find("a1", now));
    EXPECT_FALSE(cache.Find("a2", now));
}

TEST(SessionCache, DropsAReadThatRacedWithAChange) {
    SessionCache cache(milliseconds(2000), 100);
    const Instant now{};
    // A request reads the session (old roles) while an administrator changes the account.
    const auto generation = cache.Generation();
    cache.ForgetAccount(1);  // The change commits and forgets the account.
    cache.Put("a", SessionOf(1, now + minutes(10)), now, generation);
    EXPECT_FALSE(cache.Find("a", now));  // The stale read is not kept.
    cache.Put("a", SessionOf(1, now + minutes(10)), now, cache.Generation());
    EXPECT_TRUE(cache.Find("a", now));
}

TEST(SessionCache, StaysBoundedAndAZeroTtlTurnsItOff) {
    SessionCache cache(milliseconds(2000), 3);
    const Instant now{};
    for (int i = 0; i < 10; ++i) {
        cache.Put("t" + std::to_string(i), SessionOf(i, now + minutes(10)), now,
                  cache.Generation());
    }
    int kept = 0;
    for (int i = 0; i < 10; ++i) {
        kept += cache.Find("t" + std::to_string(i), now) ? 1 : 0;
    }
    EXPECT_LE(kept, 3);
    EXPECT_TRUE(cache.Find("t9", now));

    SessionCache off(milliseconds(0), 100);
    off.Put("a", SessionOf(1, now + minutes(10)), now, off.Generation());
    EXPECT_FALSE(off.Find("a", now));
}

}  // namespace
}  // namespace motcua::services
