// The indicator store's contract: daily rows and their month sums move together in one
// transaction; queries sum whole months per procedure or per agency and procedure.
#include <gtest/gtest.h>

#include "storage/storage_backends.hpp"

namespace motcua::storage {
namespace {

domain::Counters Received(std::int64_t n, std::int64_t online = 0) {
    domain::Counters counters;
    counters.received = n;
    counters.online = online;
    counters.finished.quarter = n;
    return counters;
}

std::int64_t ReceivedOf(const std::vector<ProcedureCounters>& rows, const std::string& code) {
    for (const auto& row : rows) {
        if (row.procedure_code == code) {
            return row.counters.received;
        }
    }
    return 0;
}

template <typename Backend>
using IndicatorStoreContract = testing::StorageContract<Backend>;
TYPED_TEST_SUITE(IndicatorStoreContract, testing::StorageBackends, testing::BackendName);

TYPED_TEST(IndicatorStoreContract, MonthSumsFollowTheDailyRows) {
    auto& db = this->Db();
    ASSERT_TRUE(
        db.Write([](Transaction& t) -> Outcome<Done> {
              MOTCUA_RETURN_IF_ERROR(t.Indicators().Add("A", "P1", "2025-03-03", Received(2, 1)));
              MOTCUA_RETURN_IF_ERROR(t.Indicators().Add("A", "P1", "2025-03-31", Received(3)));
              MOTCUA_RETURN_IF_ERROR(t.Indicators().Add("A", "P1", "2025-04-01", Received(5)));
              MOTCUA_RETURN_IF_ERROR(t.Indicators().Add("B", "P1", "2025-03-10", Received(7)));
              MOTCUA_RETURN_IF_ERROR(t.Indicators().Add("B", "P2", "2025-03-10", Received(1)));
              // A negative delta (a fact undone) lowers both.
              return t.Indicators().Add("B", "P2", "2025-03-11", Received(-1));
          }).HasValue());
    ASSERT_TRUE(db.Read([](Transaction& t) -> Outcome<Done> {
                      auto march = t.Indicators().SumByProcedure({"A"}, "2025-03", "2025-03");
                      EXPECT_EQ(ReceivedOf(march.Value(), "P1"), 5);
                      auto quarter = t.Indicators().SumByProcedure({}, "2025-01", "2025-03");
                      EXPECT_EQ(ReceivedOf(quarter.Value(), "P1"), 12);
                      EXPECT_EQ(ReceivedOf(quarter.Value(), "P2"), 0);
                      auto spring = t.Indicators().SumByProcedure({"A", "B"}, "2025-03", "2025-04");
                      EXPECT_EQ(ReceivedOf(spring.Value(), "P1"), 17);
                      auto by_agency = t.Indicators().SumByAgencyAndProcedure("2025-03", "2025-03");
                      std::int64_t b_p1 = 0;
                      for (const auto& row : by_agency.Value()) {
                          if (row.agency_code == "B" && row.procedure_code == "P1") {
                              b_p1 = row.counters.received;
                              EXPECT_EQ(row.counters.finished.quarter, 7);
                          }
                      }
                      EXPECT_EQ(b_p1, 7);
                      auto days = t.Indicators().ListAll();
                      EXPECT_EQ(days.Value().size(), 6u);  // The daily rows stay, ±1 each.
                      return Done{};
                  }).HasValue());
    ASSERT_TRUE(db.Write([](Transaction& t) { return t.Indicators().Clear(); }).HasValue());
    ASSERT_TRUE(db.Read([](Transaction& t) -> Outcome<Done> {
                      EXPECT_TRUE(
                          t.Indicators().SumByProcedure({}, "2025-01", "2025-12").Value().empty());
                      EXPECT_TRUE(t.Indicators().ListAll().Value().empty());
                      return Done{};
                  }).HasValue());
}

}  // namespace
}  // namespace motcua::storage
