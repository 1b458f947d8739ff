// Counters: period-end judgements per period kind, and the algebra the rollups rely on.
#include "reporting/counters.hpp"

#include <gtest/gtest.h>

#include "domain/calendar/local_date_time.hpp"

namespace motcua::reporting {
namespace {

std::chrono::sys_days Day(const char* iso) { return domain::calendar::ParseIsoDate(iso).Value(); }

DossierFacts ReceivedOn(const char* day) {
    DossierFacts facts;
    facts.received = true;
    facts.received_day = Day(day);
    return facts;
}

TEST(CountersTest, NeverReceivedCountsNothing) { EXPECT_TRUE(IsZero(Counts(DossierFacts{}))); }

// Received 30 January, turned overdue 4 February: within time at the end of January, overdue
// at the end of Q1 and of the year.
TEST(CountersTest, OverdueAfterTheMonthEndCountsForQuarterAndYearOnly) {
    DossierFacts facts = ReceivedOn("2025-01-30");
    facts.overdue_from = Day("2025-02-04");
    const Counters c = Counts(facts);
    EXPECT_EQ(c.received, 1);
    EXPECT_EQ(c.overdue, (PeriodEndCounts{0, 1, 1}));
    EXPECT_EQ(c.dissatisfied, (PeriodEndCounts{0, 1, 1}));
}

TEST(CountersTest, OverdueOnTheLastDayCountsForThatPeriod) {
    DossierFacts facts = ReceivedOn("2025-03-03");
    facts.overdue_from = Day("2025-03-31");
    EXPECT_EQ(Counts(facts).overdue, (PeriodEndCounts{1, 1, 1}));
    facts.overdue_from = Day("2025-04-01");
    EXPECT_EQ(Counts(facts).overdue, (PeriodEndCounts{0, 0, 1}));
    facts.overdue_from = Day("2026-01-01");
    EXPECT_EQ(Counts(facts).overdue, (PeriodEndCounts{0, 0, 0}));
}

TEST(CountersTest, UnsatisfiedOrFeedbackIsDissatisfiedInEveryPeriod) {
    DossierFacts facts = ReceivedOn("2025-05-05");
    facts.feedback = true;
    const Counters c = Counts(facts);
    EXPECT_EQ(c.unsatisfied_or_feedback, 1);
    EXPECT_EQ(c.dissatisfied, (PeriodEndCounts{1, 1, 1}));
    EXPECT_EQ(c.overdue, (PeriodEndCounts{0, 0, 0}));
}

TEST(CountersTest, DeltaTurnsBeforeIntoAfter) {
    DossierFacts before = ReceivedOn("2025-05-05");
    before.online = true;
    DossierFacts after = before;
    after.synced = true;
    after.overdue_from = Day("2025-05-20");
    Counters cell = Counts(before);
    cell += Delta(before, after);
    EXPECT_EQ(cell, Counts(after));
    const Counters delta = Delta(before, after);
    EXPECT_EQ(delta.received, 0);
    EXPECT_EQ(delta.synced, 1);
    EXPECT_EQ(delta.overdue.month, 1);
    // Creating a dossier is a delta from nothing.
    EXPECT_EQ(Delta(DossierFacts{}, before), Counts(before));
}

TEST(CountersTest, SumsMergeDaysAndAgencies) {
    DossierFacts a = ReceivedOn("2025-05-05");
    a.paid_online = a.fee_due = true;
    DossierFacts b = ReceivedOn("2025-05-06");
    b.fee_due = true;
    const Counters sum = Counts(a) + Counts(b);
    EXPECT_EQ(sum.received, 2);
    EXPECT_EQ(sum.fee_due, 2);
    EXPECT_EQ(sum.paid_online, 1);
    EXPECT_EQ(sum - Counts(b), Counts(a));
}

TEST(PeriodTest, BoundsAndLabels) {
    const Period february{PeriodKind::kMonth, 2024, 2};
    EXPECT_EQ(february.FirstDay(), Day("2024-02-01"));
    EXPECT_EQ(february.LastDay(), Day("2024-02-29"));
    EXPECT_EQ(february.Label(), "2024-02");
    const Period q3{PeriodKind::kQuarter, 2025, 3};
    EXPECT_EQ(q3.FirstDay(), Day("2025-07-01"));
    EXPECT_EQ(q3.LastDay(), Day("2025-09-30"));
    EXPECT_EQ(q3.Label(), "2025-Q3");
    EXPECT_TRUE(q3.Contains(Day("2025-08-15")));
    EXPECT_FALSE(q3.Contains(Day("2025-10-01")));
    EXPECT_EQ(Period::Containing(PeriodKind::kQuarter, Day("2025-11-30")).index, 4);
    EXPECT_EQ((Period{PeriodKind::kYear, 2025, 1}).LastDay(), Day("2025-12-31"));
}

}  // namespace
}  // namespace motcua::reporting
