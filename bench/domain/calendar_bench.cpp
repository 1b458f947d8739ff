// Benchmarks deadline computations on the default working calendar (1970–2100 with the published
// 2025/2026 decisions) and default office hours: one due time per unit, a supplementation shift,
// a day check, and building the calendar. Each answer is checked once before timing.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <benchmark/benchmark.h>

#include "domain/calendar/deadline.hpp"
#include "domain/calendar/published_schedules.hpp"

namespace motcua::domain::calendar {
namespace {

using std::chrono::days;
using std::chrono::minutes;

const WorkingCalendar& Calendar() {
    static const WorkingCalendar calendar = DefaultWorkingCalendar();
    return calendar;
}

LocalDateTime At(const char* text) { return ParseLocalDateTime(text).Value(); }

void Check(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "calendar_bench: wrong answer for %s\n", what);
        std::abort();
    }
}

// Receipts spread over 2025 so the loop crosses Tết, swaps and month ends.
LocalDateTime Receipt(std::int64_t i) {
    return {At("2025-01-02T09:00").date + days{i % 360},
            std::chrono::hours{9} + minutes{(i % 7) * 30}};
}

void RunDue(benchmark::State& state, int amount, TimeUnit unit, const char* received,
            const char* expected) {
    const OfficeHours hours = OfficeHours::Default();
    const auto once = [&](LocalDateTime at) {
        return DueAt(StartOfCounting(at, hours, Calendar(), minutes{15 * 60}), amount, unit, hours,
                     Calendar());
    };
    Check(FormatLocalDateTime(once(At(received))) == expected, expected);
    std::int64_t i = 0;
    for ([[maybe_unused]] auto _ : state) {
        benchmark::DoNotOptimize(once(Receipt(i++)));
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_DueWorkingDays(benchmark::State& state) {
    RunDue(state, 15, TimeUnit::kWorkingDays, "2025-01-24T09:00", "2025-02-21T17:00");
}
void BM_DueWorkingHours(benchmark::State& state) {
    RunDue(state, 40, TimeUnit::kWorkingHours, "2025-01-24T14:00", "2025-02-07T14:00");
}
void BM_DueCalendarDays(benchmark::State& state) {
    RunDue(state, 30, TimeUnit::kCalendarDays, "2025-05-30T10:00", "2025-06-30T17:00");
}

void BM_ShiftForPause(benchmark::State& state) {
    const OfficeHours hours = OfficeHours::Default();
    const auto shifted = ShiftForPause(At("2025-03-17T17:00"), At("2025-03-05T09:00"),
                                       At("2025-03-07T09:00"), hours, Calendar());
    Check(shifted && FormatLocalDateTime(shifted.Value()) == "2025-03-19T17:00", "pause");
    std::int64_t i = 0;
    for ([[maybe_unused]] auto _ : state) {
        const LocalDateTime paused = Receipt(i++);
        const LocalDateTime resumed{paused.date + days{3}, paused.time_of_day};
        benchmark::DoNotOptimize(
            ShiftForPause(At("2025-12-31T17:00"), paused, resumed, hours, Calendar()));
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_IsWorkingDay(benchmark::State& state) {
    Check(Calendar().IsWorkingDay(At("2025-04-26T00:00").date), "make-up Saturday");
    std::int64_t i = 0;
    for ([[maybe_unused]] auto _ : state) {
        benchmark::DoNotOptimize(Calendar().IsWorkingDay(Receipt(i++).date));
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_BuildCalendar1970To2100(benchmark::State& state) {
    for ([[maybe_unused]] auto _ : state) {
        auto calendar =
            WorkingCalendar::Create(kDefaultFirstYear, kDefaultLastYear, PublishedOverrides());
        benchmark::DoNotOptimize(calendar);
    }
}

BENCHMARK(BM_DueWorkingDays);
BENCHMARK(BM_DueWorkingHours);
BENCHMARK(BM_DueCalendarDays);
BENCHMARK(BM_ShiftForPause);
BENCHMARK(BM_IsWorkingDay);
BENCHMARK(BM_BuildCalendar1970To2100)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace motcua::domain::calendar

BENCHMARK_MAIN();
