#include "services/indicators/rank_ties.hpp"

#include <gtest/gtest.h>

namespace motcua::services {
namespace {

TEST(RankWithTies, EqualScoresShareARankAndTheNextSkips) {
    EXPECT_EQ(RankWithTies({90.5, 80.0, 80.0, 70.25, 70.25, 70.25, 10.0}),
              (std::vector<int>{1, 2, 2, 4, 4, 4, 7}));
}

TEST(RankWithTies, DistinctScoresAreRankedInOrderAndNoneIsEmpty) {
    EXPECT_EQ(RankWithTies({3.0, 2.0, 1.0}), (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(RankWithTies({0.0, 0.0}), (std::vector<int>{1, 1}));
    EXPECT_TRUE(RankWithTies({}).empty());
}

}  // namespace
}  // namespace motcua::services
