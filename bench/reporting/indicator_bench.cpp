// Benchmarks scoring a province's 766 index from counters: 2,000 procedures (the scope's
// catalogue) with one month of summed counters each, and the merge of a year of daily cells of
// one agency. The answer is checked once before timing.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "reporting/index_766.hpp"
#include "reporting/plan_indicators.hpp"

namespace motcua::reporting {
namespace {

IndexInputs ProvinceInputs(int procedures) {
    IndexInputs in;
    in.period = {PeriodKind::kMonth, 2025, 3};
    in.sync = {1000, 1200, 14000};
    in.petitions = PetitionInputs{{45, 50}, {8, 10}};
    for (int i = 0; i < procedures; ++i) {
        Counters c;
        c.received = 10 + i % 7;
        c.overdue = {i % 3, i % 4, i % 5};
        c.online = c.received / 2;
        c.online_counted = c.online - 1;
        c.synced = c.received - 1;
        c.fee_due = i % 2 == 0 ? c.received : 0;
        c.paid_online = c.fee_due / 3;
        c.document_result = c.received;
        c.e_result_synced = c.received / 4;
        c.digitized = c.received - 2;
        c.digitized_counted = c.received - 3;
        c.reused = c.received / 5;
        c.personal_store = c.received / 6;
        c.citizen_data = c.received / 3;
        c.unsatisfied_or_feedback = 1;
        c.dissatisfied = {1 + i % 3, 1 + i % 4, 1 + i % 5};
        const auto level = static_cast<domain::OnlineLevel>(i % 3);
        in.procedures.push_back(
            {{"P" + std::to_string(i), level, i % 2 == 0, true, i % 4 != 0}, c});
    }
    return in;
}

void BM_ScoreProvince(benchmark::State& state) {
    const IndexInputs in = ProvinceInputs(static_cast<int>(state.range(0)));
    const IndexResult check = ScoreIndex766(in);
    if (check.groups.size() != 6 || check.total_score <= 0 || check.total_score > 100) {
        std::fprintf(stderr, "indicator_bench: wrong index\n");
        std::abort();
    }
    for ([[maybe_unused]] auto _ : state) {
        benchmark::DoNotOptimize(ScoreIndex766(in));
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ScoreProvince)->Arg(200)->Arg(2000);

void BM_ScoreWithPlan(benchmark::State& state) {
    const IndexInputs in = ProvinceInputs(2000);
    PlanTargets targets;
    targets.by_year[2025] = {{"I.1", 80}, {"I.2", 60}, {"III.3", 90}};
    for ([[maybe_unused]] auto _ : state) {
        const IndexResult index = ScoreIndex766(in);
        benchmark::DoNotOptimize(EvaluatePlan(index, in, targets, 2025));
    }
}
BENCHMARK(BM_ScoreWithPlan);

// A year of daily cells for one procedure and agency merged into one period total.
void BM_MergeYearOfDays(benchmark::State& state) {
    std::vector<Counters> days(365);
    for (std::size_t i = 0; i < days.size(); ++i) {
        days[i].received = static_cast<std::int64_t>(i % 9);
        days[i].online = static_cast<std::int64_t>(i % 5);
    }
    for ([[maybe_unused]] auto _ : state) {
        Counters total;
        for (const auto& day : days) {
            total += day;
        }
        benchmark::DoNotOptimize(total);
    }
}
BENCHMARK(BM_MergeYearOfDays);

}  // namespace
}  // namespace motcua::reporting

BENCHMARK_MAIN();
