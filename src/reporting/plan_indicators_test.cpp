#include "reporting/plan_indicators.hpp"

#include <gtest/gtest.h>

namespace motcua::reporting {
namespace {

const PlanIndicatorResult& Find(const std::vector<PlanIndicatorResult>& all, const char* id) {
    for (const auto& result : all) {
        if (result.id == id) {
            return result;
        }
    }
    throw std::runtime_error(id);
}

TEST(PlanIndicatorsTest, TheAppendixTwelveIndicatorsInOrder) {
    const auto definitions = PlanIndicatorDefinitions();
    std::vector<std::string> ids;
    for (const auto& definition : definitions) {
        ids.emplace_back(definition.id);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"I.1", "I.2", "I.3", "I.4", "I.5", "II.1", "II.2",
                                             "II.3", "II.4", "III.1", "III.2", "III.3"}));
}

TEST(PlanIndicatorsTest, DocumentAndTaskIndicatorsHaveNoInputsYet) {
    IndexInputs in;
    in.procedures = {{{}, {}}};
    in.procedures[0].counters.received = 10;
    const auto results = EvaluatePlan(ScoreIndex766(in), in, {}, 2025);
    for (const char* id : {"III.1", "III.2", "III.3"}) {
        EXPECT_EQ(Find(results, id).status, MetricStatus::kNoData) << id;
        EXPECT_FALSE(Find(results, id).actual) << id;
    }
}

TEST(PlanIndicatorsTest, NoInputsIsNoDataNeverZero) {
    IndexInputs in;
    const auto plan = EvaluatePlan(ScoreIndex766(in), in, {}, 2025);
    for (const auto& result : plan) {
        EXPECT_EQ(result.status, MetricStatus::kNoData) << result.id;
        EXPECT_FALSE(result.actual) << result.id;
        EXPECT_FALSE(result.met) << result.id;
    }
}

// 30 of 40 received online (75%) against 80% in 2025 and 70% in 2026; 6 of 10 fee dossiers
// paid online; 2 of 4 procedures toàn trình.
TEST(PlanIndicatorsTest, ActualAgainstTheYearsTarget) {
    Counters c;
    c.received = 40;
    c.online = 30;
    c.fee_due = 10;
    c.paid_online = 6;
    IndexInputs in;
    in.period = {PeriodKind::kYear, 2025, 1};
    in.procedures = {{{"P1", domain::OnlineLevel::kFull, true, true, true}, c},
                     {{"P2", domain::OnlineLevel::kFull, false, true, true}, {}},
                     {{"P3", domain::OnlineLevel::kPartial, false, true, true}, {}},
                     {{"P4", domain::OnlineLevel::kNone, false, true, true}, {}}};
    PlanTargets targets;
    targets.by_year[2025] = {{"I.3", 80}, {"I.2", 50}};
    targets.by_year[2026] = {{"I.3", 70}};
    const IndexResult index = ScoreIndex766(in);
    const auto y2025 = EvaluatePlan(index, in, targets, 2025);
    EXPECT_DOUBLE_EQ(*Find(y2025, "I.3").actual, 75);
    EXPECT_EQ(Find(y2025, "I.3").met, false);
    EXPECT_DOUBLE_EQ(*Find(y2025, "I.2").actual, 60);
    EXPECT_EQ(Find(y2025, "I.2").met, true);
    EXPECT_DOUBLE_EQ(*Find(y2025, "I.1").actual, 50);
    EXPECT_FALSE(Find(y2025, "I.1").target);
    EXPECT_FALSE(Find(y2025, "I.1").met);
    EXPECT_EQ(Find(y2025, "II.3").status, MetricStatus::kNoData);  // No PAKN input.
    EXPECT_EQ(Find(EvaluatePlan(index, in, targets, 2026), "I.3").met, true);
}

}  // namespace
}  // namespace motcua::reporting
