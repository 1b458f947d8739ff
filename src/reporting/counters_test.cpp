// Counters: period-end judgements per period kind, and the algebra the rollups rely on.
#include "reporting/counters.hpp"

#include <set>
#include <string>

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

// The monthly report's period-end view: received 20 March (desk), overdue from 28 March,
// finished late on 3 April and returned on 10 April. At the end of March it is running and
// overdue; at the end of Q2 and of the year it is finished late and returned.
TEST(CountersTest, ReportCohortIsJudgedAtEachPeriodEnd) {
    DossierFacts facts = ReceivedOn("2025-03-20");
    facts.channel = domain::Channel::kDesk;
    facts.overdue_from = Day("2025-03-28");
    facts.finished_on = Day("2025-04-03");
    facts.returned_on = Day("2025-04-10");
    const Counters c = Counts(facts);
    EXPECT_EQ(c.received_desk, 1);
    EXPECT_EQ(c.received_postal, 0);
    EXPECT_EQ(c.online, 0);
    EXPECT_EQ(c.running_overdue, (PeriodEndCounts{1, 1, 0}));
    EXPECT_EQ(c.finished, (PeriodEndCounts{0, 0, 1}));
    EXPECT_EQ(c.finished_late, (PeriodEndCounts{0, 0, 1}));
    EXPECT_EQ(c.returned, (PeriodEndCounts{0, 0, 1}));
}

TEST(CountersTest, FinishedOnTimeIsNotLateAndWithdrawnIsNotRunning) {
    DossierFacts on_time = ReceivedOn("2025-06-02");
    on_time.channel = domain::Channel::kPostal;
    on_time.finished_on = Day("2025-06-10");
    const Counters a = Counts(on_time);
    EXPECT_EQ(a.received_postal, 1);
    EXPECT_EQ(a.finished, (PeriodEndCounts{1, 1, 1}));
    EXPECT_EQ(a.finished_late, (PeriodEndCounts{0, 0, 0}));
    EXPECT_EQ(a.returned, (PeriodEndCounts{0, 0, 0}));

    // Withdrawn in July after turning overdue in June: running and overdue at the end of June,
    // withdrawn (not running) at the end of Q3.
    DossierFacts withdrawn = ReceivedOn("2025-06-16");
    withdrawn.overdue_from = Day("2025-06-30");
    withdrawn.withdrawn_on = Day("2025-07-02");
    const Counters b = Counts(withdrawn);
    EXPECT_EQ(b.withdrawn, (PeriodEndCounts{0, 0, 1}));
    EXPECT_EQ(b.running_overdue, (PeriodEndCounts{1, 1, 0}));
    EXPECT_EQ(b.finished, (PeriodEndCounts{0, 0, 0}));
}

TEST(CountersTest, RefusalAtReceptionCountsOnlyAsRefused) {
    DossierFacts facts;
    facts.refused = true;
    facts.received_day = Day("2025-08-08");
    Counters expected;
    expected.refused = 1;
    EXPECT_EQ(Counts(facts), expected);
}

TEST(CountersTest, EveryFieldHasOneDistinctColumn) {
    Counters c;
    std::set<std::string> columns;
    std::int64_t next = 1;
    for (const auto& field : CounterFields()) {
        EXPECT_TRUE(columns.insert(field.column).second) << field.column;
        field.Of(c) = next++;
    }
    // Every field was reached once: doubling through += doubles each distinct value.
    Counters twice = c;
    twice += c;
    next = 1;
    for (const auto& field : CounterFields()) {
        EXPECT_EQ(field.Of(twice), 2 * next++) << field.column;
    }
    EXPECT_EQ(sizeof(Counters), CounterFields().size() * sizeof(std::int64_t));
}

}  // namespace
}  // namespace motcua::reporting
