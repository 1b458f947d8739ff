// IndicatorService: the shared ranking is computed once per parent and period for a short while,
// then again (the dashboard stays real time within kRankingFreshFor).
#include "services/indicators/indicator_service.hpp"

#include <gtest/gtest.h>

#include "common/time_format.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_sqlite_database.hpp"

namespace motcua::services {
namespace {

constexpr const char* kAgencies = R"({"agencies": [
  {"code": "H99", "name_vi": "Tỉnh", "kind": "province", "parent": null, "valid_from": "2025-07-01"},
  {"code": "H99.1", "name_vi": "Phường Một", "kind": "commune", "parent": "H99", "valid_from": "2025-07-01"},
  {"code": "H99.2", "name_vi": "Phường Hai", "kind": "commune", "parent": "H99", "valid_from": "2025-07-01"}]})";

TEST(IndicatorServiceTest, SharedRankingIsReusedForAWhileThenComputedAgain) {
    testing::TempSqliteDatabase database;
    testing::FakeClock clock;
    clock.Set(*ParseRfc3339("2025-11-20T09:00:00+07:00"));
    CatalogService catalog(database.Get(), clock);
    ASSERT_TRUE(catalog.Load().HasValue());
    ASSERT_TRUE(catalog.ImportAgencies(domain::Actor::System("test"), kAgencies).HasValue());
    IndicatorService indicators(database.Get(), catalog, clock);
    const reporting::Period november{reporting::PeriodKind::kMonth, 2025, 11};

    auto first = indicators.SharedRanking("H99", november);
    ASSERT_TRUE(first.HasValue());
    EXPECT_EQ(first.Value()->children.size(), 2u);
    EXPECT_EQ(first.Value()->parent.agency_code, "H99");
    auto again = indicators.SharedRanking("H99", november);
    EXPECT_EQ(again.Value().get(), first.Value().get());  // The same answer, not recomputed.
    // Another period is its own answer.
    auto october =
        indicators.SharedRanking("H99", reporting::Period{reporting::PeriodKind::kMonth, 2025, 10});
    EXPECT_NE(october.Value().get(), first.Value().get());

    clock.Set(*ParseRfc3339("2025-11-20T09:00:03+07:00"));  // Past kRankingFreshFor.
    auto later = indicators.SharedRanking("H99", november);
    EXPECT_NE(later.Value().get(), first.Value().get());
    EXPECT_EQ(indicators.SharedRanking("NOPE", november).GetError().param, "parent");
}

}  // namespace
}  // namespace motcua::services
