// Drill-down judgements add up to the index's figures, and name the reason a dossier is out.
#include "reporting/metric_membership.hpp"

#include <random>

#include <gtest/gtest.h>

#include "reporting/index_766.hpp"

namespace motcua::reporting {
namespace {

std::chrono::sys_days Day(int y, unsigned m, unsigned d) {
    return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m},
                                       std::chrono::day{d}};
}

TEST(MetricMembershipTest, JudgementsSumToTheIndexFiguresForEveryDossierMetric) {
    std::mt19937 random(766);
    const ProcedureProfile full{"P1", domain::OnlineLevel::kFull, true, true, true};
    const ProcedureProfile partial{"P2", domain::OnlineLevel::kPartial, false, false, false};
    std::vector<std::pair<DossierFacts, const ProcedureProfile*>> dossiers;
    IndexInputs inputs;
    inputs.period = {PeriodKind::kMonth, 2025, 3};
    inputs.procedures = {{full, {}}, {partial, {}}};
    for (int i = 0; i < 2000; ++i) {
        const bool first = random() % 2 == 0;
        DossierFacts f;
        f.received = random() % 10 != 0;
        f.received_day = Day(2025, 3, 1 + random() % 31);
        if (random() % 4 == 0) {
            f.overdue_from = Day(2025, 3 + random() % 2, 1 + random() % 28);
        }
        f.online = random() % 2 == 0;
        f.online_counted = f.online && random() % 3 != 0;
        f.synced = random() % 2 == 0;
        f.fee_due = first && random() % 3 != 0;
        f.paid_online = f.fee_due && random() % 2 == 0;
        f.document_result = first;
        f.e_result_synced = first && random() % 2 == 0;
        f.digitized = random() % 2 == 0;
        f.digitized_counted = f.digitized && random() % 2 == 0;
        f.reused = random() % 3 == 0;
        f.personal_store = random() % 3 == 0;
        f.citizen_data = random() % 3 == 0;
        f.unsatisfied = random() % 7 == 0;
        f.feedback = random() % 11 == 0;
        inputs.procedures[first ? 0 : 1].counters += Counts(f);
        dossiers.emplace_back(f, first ? &full : &partial);
    }
    const IndexResult index = ScoreIndex766(inputs);
    for (const std::string_view code : DossierMetricCodes()) {
        const MetricResult* metric = index.Find(std::string(code));
        ASSERT_NE(metric, nullptr) << code;
        double numerator = 0;
        double denominator = 0;
        for (const auto& [facts, profile] : dossiers) {
            const auto judged = JudgeDossier(code, facts, *profile, PeriodKind::kMonth);
            ASSERT_TRUE(judged.has_value());
            numerator += judged->in_numerator ? 1 : 0;
            denominator += judged->in_denominator ? 1 : 0;
            EXPECT_FALSE(judged->in_numerator && !judged->in_denominator);
        }
        EXPECT_DOUBLE_EQ(numerator, metric->numerator) << code;
        EXPECT_DOUBLE_EQ(denominator, metric->denominator) << code;
        EXPECT_GT(denominator, 0) << code;
    }
}

TEST(MetricMembershipTest, ReasonsNameWhyADossierIsOut) {
    const ProcedureProfile partial{"P2", domain::OnlineLevel::kPartial, false, true, false};
    DossierFacts f;
    f.received = true;
    f.received_day = Day(2025, 3, 20);
    f.overdue_from = Day(2025, 4, 2);  // After the month's end, before the quarter's.
    auto month = JudgeDossier("PROGRESS_ON_TIME", f, partial, PeriodKind::kMonth);
    EXPECT_TRUE(month->in_numerator);
    EXPECT_EQ(month->reason, "on_time");
    auto year = JudgeDossier("PROGRESS_ON_TIME", f, partial, PeriodKind::kYear);
    EXPECT_FALSE(year->in_numerator);
    EXPECT_TRUE(year->in_denominator);
    EXPECT_EQ(year->reason, "overdue_at_period_end");
    EXPECT_EQ(JudgeDossier("ONLINE_PAYMENT_DOSSIER", f, partial, PeriodKind::kMonth)->reason,
              "no_fee");
    EXPECT_EQ(JudgeDossier("FULL_ONLINE_DOSSIER_SHARE", f, partial, PeriodKind::kMonth)->reason,
              "procedure_not_fully_online");
    f.feedback = true;
    EXPECT_EQ(
        JudgeDossier("DOSSIER_RECEIVING_SATISFACTION", f, partial, PeriodKind::kMonth)->reason,
        "feedback");
    EXPECT_FALSE(JudgeDossier("ONLINE_SERVICE_PROVIDED", f, partial, PeriodKind::kMonth));
    EXPECT_EQ(ReasonTextOf("feedback").vi, "Có phản ánh, kiến nghị");
}

}  // namespace
}  // namespace motcua::reporting
