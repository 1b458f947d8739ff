// The monthly report builder: field rows from counters judged at the period's end, hand-built.
#include "reporting/render/build_monthly_report.hpp"

#include <gtest/gtest.h>

#include "domain/calendar/local_date_time.hpp"

namespace motcua::reporting::render {
namespace {

std::chrono::sys_days Day(const char* iso) { return domain::calendar::ParseIsoDate(iso).Value(); }

DossierFacts ReceivedOn(const char* day, domain::Channel channel) {
    DossierFacts facts;
    facts.received = true;
    facts.received_day = Day(day);
    facts.channel = channel;
    facts.online = channel == domain::Channel::kOnline;
    return facts;
}

// Five March dossiers of one procedure and a refusal:
// a online, finished on time 10 March, returned 12 March;
// b desk, overdue from 25 March, finished late 2 April (running overdue at the end of March);
// c postal, still running, within time;
// d desk, withdrawn 15 March;
// e online, overdue from 20 March, finished late 28 March, not returned;
// plus one refusal at reception.
Counters MarchCohort() {
    auto a = ReceivedOn("2025-03-03", domain::Channel::kOnline);
    a.finished_on = Day("2025-03-10");
    a.returned_on = Day("2025-03-12");
    auto b = ReceivedOn("2025-03-04", domain::Channel::kDesk);
    b.overdue_from = Day("2025-03-25");
    b.finished_on = Day("2025-04-02");
    auto c = ReceivedOn("2025-03-05", domain::Channel::kPostal);
    auto d = ReceivedOn("2025-03-06", domain::Channel::kDesk);
    d.withdrawn_on = Day("2025-03-15");
    auto e = ReceivedOn("2025-03-07", domain::Channel::kOnline);
    e.overdue_from = Day("2025-03-20");
    e.finished_on = Day("2025-03-28");
    DossierFacts refused;
    refused.refused = true;
    refused.received_day = Day("2025-03-09");
    return Counts(a) + Counts(b) + Counts(c) + Counts(d) + Counts(e) + Counts(refused);
}

TEST(BuildMonthlyReportTest, FieldRowJudgesTheCohortAtTheMonthEnd) {
    const FieldRow row = FieldRowOf(MarchCohort(), PeriodKind::kMonth);
    EXPECT_EQ(row.received, 5);
    EXPECT_EQ(row.received_online, 2);
    EXPECT_EQ(row.received_desk, 2);
    EXPECT_EQ(row.received_postal, 1);
    EXPECT_EQ(row.finished_on_time, 1);     // a
    EXPECT_EQ(row.finished_late, 1);        // e
    EXPECT_EQ(row.in_progress_overdue, 1);  // b
    EXPECT_EQ(row.in_progress_on_time, 1);  // c
    EXPECT_EQ(row.withdrawn, 1);            // d
    EXPECT_EQ(row.returned, 1);             // a
    EXPECT_EQ(row.refused, 1);
    EXPECT_EQ(row.stopped, 0);
}

TEST(BuildMonthlyReportTest, YearEndSeesTheLateFinish) {
    // 31 March ends both the month and Q1; by the end of the year b has finished (late).
    const FieldRow row = FieldRowOf(MarchCohort(), PeriodKind::kYear);
    EXPECT_EQ(row.finished_late, 2);  // b and e
    EXPECT_EQ(row.in_progress_overdue, 0);
    EXPECT_EQ(row.in_progress_on_time, 1);  // c
}

TEST(BuildMonthlyReportTest, GroupsProceduresByFieldWithOtherLast) {
    ReportInputs inputs;
    inputs.agency_code = "A";
    inputs.period = {PeriodKind::kMonth, 2025, 3};
    const Counters cohort = MarchCohort();
    inputs.procedures = {{"G02", "Hộ tịch", cohort},
                         {"", "", cohort},
                         {"G01", "Đất đai", cohort},
                         {"G02", "Hộ tịch", cohort},
                         {"G03", "Xây dựng", Counters{}}};  // No dossiers: no row.
    const MonthlyReport report = BuildMonthlyReport(inputs);
    ASSERT_EQ(report.fields.size(), 3u);
    EXPECT_EQ(report.fields[0].field_code, "G01");
    EXPECT_EQ(report.fields[1].field_code, "G02");
    EXPECT_EQ(report.fields[1].received, 10);
    EXPECT_EQ(report.fields[2].name_vi, "Khác");
    EXPECT_EQ(report.period_label, "2025-03");
    EXPECT_EQ(SumFields(report.fields).received, 20);
}

TEST(BuildMonthlyReportTest, IndexAndPlanRowsCarryNamesAndFigures) {
    ReportInputs inputs;
    inputs.period = {PeriodKind::kMonth, 2025, 3};
    GroupResult progress;
    progress.code = GroupCode::kProgress;
    progress.score = 15.5;
    progress.max_score = 20;
    progress.metrics = {{"PROGRESS_ON_TIME", "2.1", 31, 40, 77.5, 15.5, 20, MetricStatus::kOk, ""}};
    inputs.index = {15.5, 100, {progress}};
    inputs.plan = {{"I.3", "Hồ sơ trực tuyến", "Online dossiers", "3.3", 60.0, 40.0, 2, 5, false,
                    MetricStatus::kOk}};
    const MonthlyReport report = BuildMonthlyReport(inputs);
    ASSERT_EQ(report.index_groups.size(), 1u);
    EXPECT_EQ(report.index_groups[0].code, "dvc-progress-tree");
    EXPECT_EQ(report.index_groups[0].metrics[0].name_vi, "Hồ sơ giải quyết đúng hạn, trong hạn");
    EXPECT_DOUBLE_EQ(report.index_total_score, 15.5);
    ASSERT_EQ(report.plan.size(), 1u);
    EXPECT_EQ(report.plan[0].met, false);
    EXPECT_DOUBLE_EQ(*report.plan[0].actual, 40.0);
}

}  // namespace
}  // namespace motcua::reporting::render
