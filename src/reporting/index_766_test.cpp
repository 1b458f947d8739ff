// The 766 index from hand-made counters; every expectation is computed by hand in the comment.
#include "reporting/index_766.hpp"

#include <gtest/gtest.h>

namespace motcua::reporting {
namespace {

constexpr double kEps = 1e-9;
const Period kMarch{PeriodKind::kMonth, 2025, 3};

ProcedureRollup Rollup(const char* code, domain::OnlineLevel level, bool fee, Counters c) {
    return {{code, level, fee, true, true}, c};
}

// 100 dossiers of one full-online procedure with fees.
IndexInputs Province() {
    Counters c;
    c.received = 100;
    c.overdue = {10, 12, 15};
    c.online = 60;
    c.online_counted = 50;
    c.synced = 80;
    c.fee_due = 40;
    c.paid_online = 20;
    c.document_result = 100;
    c.e_result_synced = 30;
    c.digitized = 75;
    c.digitized_counted = 72;
    c.reused = 40;
    c.personal_store = 25;
    c.citizen_data = 50;
    c.unsatisfied_or_feedback = 5;
    c.dissatisfied = {14, 16, 19};
    IndexInputs in;
    in.period = kMarch;
    in.procedures = {Rollup("P1", domain::OnlineLevel::kFull, true, c),
                     Rollup("P2", domain::OnlineLevel::kPartial, true, {}),
                     Rollup("P3", domain::OnlineLevel::kNone, false, {}),
                     Rollup("P4", domain::OnlineLevel::kNone, true, {})};
    return in;
}

double Score(const IndexResult& r, const char* code) { return r.Find(code)->score.value(); }

TEST(ScoreFormulasTest, ThresholdLinearAndPayment) {
    EXPECT_NEAR(ThresholdScore(4, 72, 80), 3.6, kEps);  // 72 × 4 / 80.
    EXPECT_NEAR(ThresholdScore(4, 80, 80), 4, kEps);
    EXPECT_NEAR(ThresholdScore(4, 95, 80), 4, kEps);
    EXPECT_NEAR(LinearScore(6, 45), 2.7, kEps);
    EXPECT_NEAR(PaymentScore(0.5, 0.4, 0.6), 5.5, kEps);  // 3 + 1 + 1.5.
    EXPECT_NEAR(PaymentScore(0.5, 0.9, 0), 5, kEps);      // min(2, 2.25) = 2.
    EXPECT_NEAR(PaymentScore(1, 1, 1), 10, kEps);         // 10.5 capped at the group's 10.
}

// docs/domain.md §1.3: transparency score = max × ratio / 100.
TEST(Index766Test, TransparencyFromCatalogueTallies) {
    IndexInputs in = Province();
    in.transparency = TransparencyInputs{Tally{9, 10}, Tally{3, 4}, std::nullopt};
    const IndexResult r = ScoreIndex766(in);
    EXPECT_NEAR(Score(r, "PUBLISH_ON_TIME"), 5.4, kEps);        // 6 × 0.9.
    EXPECT_NEAR(Score(r, "PUBLIC_UPDATE_ON_TIME"), 3.0, kEps);  // 4 × 0.75.
    EXPECT_EQ(r.Find("PUBLIC_CONTENT_FULL")->status, MetricStatus::kNoData);
    EXPECT_FALSE(r.Find("PUBLIC_CONTENT_FULL")->score);
}

TEST(Index766Test, AbsentInputsAreNoDataNeverZero) {
    const IndexResult r = ScoreIndex766(Province());
    for (const char* code : {"PUBLISH_ON_TIME", "PUBLIC_UPDATE_ON_TIME", "PUBLIC_CONTENT_FULL",
                             "PETITION_PROCESSING_ON_TIME", "PETITION_HANDLING_SATISFACTION",
                             "ELECTRONIC_CERTIFIED_COPY"}) {
        EXPECT_EQ(r.Find(code)->status, MetricStatus::kNoData) << code;
        EXPECT_FALSE(r.Find(code)->ratio) << code;
    }
    // Group 1 then has data for DOSSIER_SYNC only: scored_max 6 of 18.
    EXPECT_NEAR(r.FindGroup(GroupCode::kTransparency)->scored_max, 6, kEps);
}

// 1.4: 80 synced / max(BCQG 90, DVCQG 120, ours 100) = 66.67% → 4 points.
TEST(Index766Test, SyncDenominatorIsTheLargestReceivedCount) {
    IndexInputs in = Province();
    in.sync = {90, 120, std::nullopt};
    const IndexResult r = ScoreIndex766(in);
    EXPECT_NEAR(r.Find("DOSSIER_SYNC")->denominator, 120, kEps);
    EXPECT_NEAR(Score(r, "DOSSIER_SYNC"), 4, kEps);
    // Without national counts: ours (100) → 80% → 4.8.
    EXPECT_NEAR(Score(ScoreIndex766(Province()), "DOSSIER_SYNC"), 4.8, kEps);
    ScoringOptions strict;
    strict.sync_denominator = SyncDenominator::kNationalOnly;
    EXPECT_EQ(ScoreIndex766(Province(), strict).Find("DOSSIER_SYNC")->status,
              MetricStatus::kNoData);
}

// Both counts 0 ⇒ previous year's BCQG total / 12 (month), / 4 (quarter); none ⇒ ratio 0.
TEST(Index766Test, SyncFallbackToThePreviousYear) {
    IndexInputs in;
    in.period = kMarch;
    in.sync = {0, 0, 1200};
    const MetricResult month = *ScoreIndex766(in).Find("DOSSIER_SYNC");
    EXPECT_NEAR(month.denominator, 100, kEps);
    EXPECT_NEAR(*month.ratio, 0, kEps);
    in.period = {PeriodKind::kQuarter, 2025, 1};
    EXPECT_NEAR(ScoreIndex766(in).Find("DOSSIER_SYNC")->denominator, 300, kEps);
    in.sync.previous_year_bcqg_total.reset();
    const MetricResult none = *ScoreIndex766(in).Find("DOSSIER_SYNC");
    EXPECT_EQ(none.status, MetricStatus::kOk);
    EXPECT_NEAR(*none.ratio, 0, kEps);
    EXPECT_NEAR(*none.score, 0, kEps);
    ScoringOptions no_data;
    no_data.empty_denominator = EmptyDenominator::kNoData;
    EXPECT_EQ(ScoreIndex766(in, no_data).Find("DOSSIER_SYNC")->status, MetricStatus::kNoData);
}

// 2.1: 20 × (100 − overdue at period end) / 100; the period kind picks the period-end count.
TEST(Index766Test, ProgressUsesThePeriodEndJudgement) {
    IndexInputs in = Province();
    EXPECT_NEAR(Score(ScoreIndex766(in), "PROGRESS_ON_TIME"), 18, kEps);  // 90/100.
    in.period = {PeriodKind::kQuarter, 2025, 1};
    EXPECT_NEAR(Score(ScoreIndex766(in), "PROGRESS_ON_TIME"), 17.6, kEps);  // 88/100.
    in.period = {PeriodKind::kYear, 2025, 1};
    EXPECT_NEAR(Score(ScoreIndex766(in), "PROGRESS_ON_TIME"), 17, kEps);  // 85/100.
}

TEST(Index766Test, EmptyDenominatorConventions) {
    IndexInputs in;
    in.period = kMarch;
    in.petitions = PetitionInputs{};
    const IndexResult portal = ScoreIndex766(in);
    EXPECT_NEAR(Score(portal, "PROGRESS_ON_TIME"), 0, kEps);
    EXPECT_NEAR(Score(portal, "DOSSIER_RECEIVING_SATISFACTION"), 0, kEps);  // den 0 → 0.
    EXPECT_NEAR(Score(portal, "PETITION_PROCESSING_ON_TIME"), 6, kEps);     // den 0 → 6.
    EXPECT_NEAR(Score(portal, "PETITION_HANDLING_SATISFACTION"), 6, kEps);
    EXPECT_FALSE(portal.Find("PROGRESS_ON_TIME")->ratio);
    ScoringOptions options;
    options.empty_denominator = EmptyDenominator::kNoData;
    const IndexResult strict = ScoreIndex766(in, options);
    EXPECT_EQ(strict.Find("PROGRESS_ON_TIME")->status, MetricStatus::kNoData);
    EXPECT_EQ(strict.Find("PETITION_PROCESSING_ON_TIME")->status, MetricStatus::kNoData);
}

// Group 3 default (METRICS row 6): online dossiers of toàn trình procedures 60/100 → 12 × 0.6.
// 3.1: 2 of 4 procedures online (50%); 3.2: 1 of the 2 had an online dossier; 3.3: 50/100 ×
// sync 80% = 40%.
TEST(Index766Test, OnlineServiceVariants) {
    const IndexResult r = ScoreIndex766(Province());
    EXPECT_NEAR(Score(r, "FULL_ONLINE_DOSSIER_SHARE"), 7.2, kEps);
    EXPECT_NEAR(*r.Find("ONLINE_SERVICE_PROVIDED")->ratio, 50, kEps);
    EXPECT_NEAR(*r.Find("ONLINE_SERVICE_FULL_PROVIDED")->ratio, 25, kEps);
    EXPECT_NEAR(*r.Find("ONLINE_SERVICE_USED")->ratio, 50, kEps);
    EXPECT_NEAR(*r.Find("ONLINE_DOSSIER_SHARE")->ratio, 40, kEps);
    EXPECT_NEAR(r.FindGroup(GroupCode::kOnlineService)->score, 7.2, kEps);
    ScoringOptions documented;
    documented.online_service = OnlineServiceFormula::kDocumentedThresholds;
    const IndexResult d = ScoreIndex766(Province(), documented);
    EXPECT_NEAR(Score(d, "ONLINE_SERVICE_PROVIDED"), 3.75, kEps);  // 50 × 6 / 80.
    EXPECT_NEAR(Score(d, "ONLINE_DOSSIER_SHARE"), 4.8, kEps);      // 40 × 6 / 50.
    EXPECT_NEAR(d.FindGroup(GroupCode::kOnlineService)->score, 8.55, kEps);
}

// Payment: A = 20/40, B = 1 of 3 fee procedures paid online, C = 1 of 3 had fee dossiers:
// 6 × 0.5 + min(2, 2.5/3) + 2.5/3 = 3 + 0.8333 + 0.8333.
TEST(Index766Test, PaymentObservedFormulaAndRow24) {
    const IndexResult r = ScoreIndex766(Province());
    EXPECT_NEAR(r.FindGroup(GroupCode::kOnlinePayment)->score, 3 + 2 * 2.5 / 3, 1e-9);
    EXPECT_NEAR(r.FindGroup(GroupCode::kOnlinePayment)->score, PaymentScore(0.5, 1.0 / 3, 1.0 / 3),
                kEps);
    ScoringOptions row24;
    row24.payment = PaymentFormula::kMetricsRow24;
    EXPECT_NEAR(ScoreIndex766(Province(), row24).FindGroup(GroupCode::kOnlinePayment)->score, 5,
                kEps);
}

// Digitisation: 4.1 6 × 0.30; 4.2 4 × 0.72 (linear) or 72 × 4 / 80 (threshold); 4.3
// min(2, 2 × 40 / 80); 4.4 4 × 0.25; 4.5a 1 of 4 citizen procedures → 0.5; 4.5b 2 × 0.5.
TEST(Index766Test, DigitizationObservedAndDocumented) {
    const IndexResult r = ScoreIndex766(Province());
    EXPECT_NEAR(Score(r, "ORIGINAL_RESULT_AVAILABLE"), 1.8, kEps);
    EXPECT_NEAR(Score(r, "SO_HOA_GIAY_TO_GIAI_QUYET"), 2.88, kEps);
    EXPECT_NEAR(Score(r, "REUSED_DIGITIZED_DATA"), 1.0, kEps);
    EXPECT_NEAR(Score(r, "SYNCED_WITH_DVCQG_PERSONAL_STORAGE"), 1.0, kEps);
    EXPECT_NEAR(Score(r, "CITIZEN_DATA_CONNECTED_FORMALITY"), 0.5, kEps);
    EXPECT_NEAR(Score(r, "CITIZEN_DATA_CONNECTED_DOSSIER"), 1.0, kEps);
    EXPECT_NEAR(r.FindGroup(GroupCode::kDigitization)->score, 8.18, kEps);
    ScoringOptions threshold;
    threshold.digitization = DigitizationScoring::kDocumentedThreshold;
    EXPECT_NEAR(Score(ScoreIndex766(Province(), threshold), "SO_HOA_GIAY_TO_GIAI_QUYET"), 3.6,
                kEps);
}

// 5.4 (union): (100 − 14) / 100 = 86% → min(6, 6 × 0.86 / 0.9) = 5.7333; rate sum:
// 100 − 10 − 5 = 85 → 5.6667. PAKN: 6 × 45/50 and 6 × 8/10.
TEST(Index766Test, SatisfactionRules) {
    IndexInputs in = Province();
    in.petitions = PetitionInputs{{45, 50}, {8, 10}};
    const IndexResult r = ScoreIndex766(in);
    EXPECT_NEAR(Score(r, "DOSSIER_RECEIVING_SATISFACTION"), 6 * 0.86 / 0.9, 1e-9);
    EXPECT_NEAR(Score(r, "PETITION_PROCESSING_ON_TIME"), 5.4, kEps);
    EXPECT_NEAR(Score(r, "PETITION_HANDLING_SATISFACTION"), 4.8, kEps);
    ScoringOptions rate_sum;
    rate_sum.receiving_satisfaction = ReceivingSatisfaction::kRateSum;
    EXPECT_NEAR(Score(ScoreIndex766(in, rate_sum), "DOSSIER_RECEIVING_SATISFACTION"),
                6 * 0.85 / 0.9, 1e-9);
    // 95% satisfied reaches the 90% threshold: full 6.
    in.procedures[0].counters.dissatisfied.month = 5;
    EXPECT_NEAR(Score(ScoreIndex766(in), "DOSSIER_RECEIVING_SATISFACTION"), 6, kEps);
}

// No PAKN: observed 6 + 6; METRICS split reading: 5.2 scores 9, 5.3 0 of 0, 5.4 out of 9.
TEST(Index766Test, NoPetitionsSplitVariant) {
    IndexInputs in = Province();
    in.petitions = PetitionInputs{};
    const IndexResult observed = ScoreIndex766(in);
    EXPECT_NEAR(observed.FindGroup(GroupCode::kSatisfaction)->score, 12 + 6 * 0.86 / 0.9, 1e-9);
    ScoringOptions split;
    split.petition_empty = PetitionEmpty::kSplitPoints;
    const IndexResult s = ScoreIndex766(in, split);
    EXPECT_NEAR(Score(s, "PETITION_PROCESSING_ON_TIME"), 9, kEps);
    EXPECT_NEAR(s.Find("PETITION_HANDLING_SATISFACTION")->max_score, 0, kEps);
    EXPECT_NEAR(Score(s, "DOSSIER_RECEIVING_SATISFACTION"), 9 * 0.86 / 0.9, 1e-9);
}

TEST(Index766Test, CommuneScopeSkipsProvinceOnlyMetrics) {
    IndexInputs in = Province();
    in.scope = ScopeLevel::kCommune;
    const IndexResult r = ScoreIndex766(in);
    for (const char* code : {"PUBLIC_UPDATE_ON_TIME", "FULL_ONLINE_DOSSIER_SHARE",
                             "CITIZEN_DATA_CONNECTED_FORMALITY", "ELECTRONIC_CERTIFIED_COPY"}) {
        EXPECT_EQ(r.Find(code)->status, MetricStatus::kNoData) << code;
    }
}

// Six groups, 100 points; the total is the sum of the group scores (docs/domain.md §1.2: Bắc Ninh,
// Oct-2025: 19.05 + 17.86 + 20.79 + 10 + 8.36 + 15.64 = 91.70).
TEST(Index766Test, TotalIsTheSumOfGroups) {
    const IndexResult r = ScoreIndex766(Province());
    ASSERT_EQ(r.groups.size(), 6u);
    EXPECT_NEAR(r.max_score, 100, kEps);
    double sum = 0;
    for (const auto& group : r.groups) {
        sum += group.score;
        EXPECT_LE(group.score, group.max_score);
    }
    EXPECT_NEAR(r.total_score, sum, kEps);
    EXPECT_NEAR(RoundForDisplay(19.05 + 17.86 + 20.79 + 10 + 8.36 + 15.64), 91.70, kEps);
    EXPECT_NEAR(RoundForDisplay(5.73333), 5.73, kEps);
}

}  // namespace
}  // namespace motcua::reporting
