// The full provincial 766 dashboard at scale: generates (or reuses) a province's history of N
// dossiers in a SQLite file, then times the dashboard — the province's index plus every
// agency's index for the ranking, IndicatorService::Ranking — for a month, a quarter and a
// year, from the counters; and,
// in the same run, a straightforward SQL aggregation of the same month over the dossiers table.
//
//   dashboard_bench --dossiers 5000000 --db /var/tmp/motcua-5m.db [--runs 20]
//   dashboard_bench --dossiers 1000000 --db postgresql://postgres@/motcua?host=/tmp/pg
//
// An existing database with at least N dossiers is reused (generation takes minutes at 5M).
// On PostgreSQL the straightforward aggregation is not run (it is SQLite SQL).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "app/resources.hpp"
#include "common/clock.hpp"
#include "province_history.hpp"
#include "services/indicators/indicator_service.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#ifdef MOTCUA_WITH_POSTGRES
#include "storage/postgres/pg_database.hpp"
#endif

namespace {

using namespace motcua;

struct Args {
    std::int64_t dossiers = 20000;
    std::string db;
    int runs = 20;
};

Args Parse(int argc, char** argv) {
    Args args;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        if (name == "--dossiers") {
            args.dossiers = std::atoll(argv[i + 1]);
        } else if (name == "--db") {
            args.db = argv[i + 1];
        } else if (name == "--runs") {
            args.runs = std::atoi(argv[i + 1]);
        }
    }
    return args;
}

double Millis(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

struct Timing {
    double median = 0;
    double p90 = 0;
    double max = 0;
};

template <typename F>
Timing Time(int runs, F f) {
    f();  // Warm-up (page cache, prepared statements).
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        samples.push_back(Millis(std::chrono::steady_clock::now() - start));
    }
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples[samples.size() * 9 / 10], samples.back()};
}

// What a first implementation would write: aggregate the month's dossiers per agency and
// procedure straight from the dossiers table (the facts the index needs are in the JSON).
constexpr const char* kNaiveMonth = R"(
SELECT competent_agency, procedure_code, count(*),
  sum(overdue_at IS NOT NULL AND overdue_at < '2025-11-30T17:00:00'),
  sum(json_extract(doc, '$.channel') = 'online'),
  sum(json_extract(doc, '$.synced')),
  sum(json_extract(doc, '$.fee_total') > 0),
  sum(json_extract(doc, '$.payment_channel') = 'online_gateway'),
  sum(json_extract(doc, '$.e_result_sha256') <> ''),
  sum(json_extract(doc, '$.rating') = 'unsatisfied')
FROM dossiers
WHERE received_at >= '2025-10-31T17:00:00' AND received_at < '2025-11-30T17:00:00'
GROUP BY competent_agency, procedure_code)";

}  // namespace

int main(int argc, char** argv) {
    const Args args = Parse(argc, argv);
    const bool postgres = args.db.rfind("postgresql://", 0) == 0;
    const std::filesystem::path path =
        args.db.empty() ? std::filesystem::temp_directory_path() / "motcua-dashboard-bench.db"
                        : std::filesystem::path(args.db);
    const bool temporary = args.db.empty();
    if (temporary) {
        std::filesystem::remove(path);
    }
    {
        std::unique_ptr<storage::Database> opened;
        if (postgres) {
#ifdef MOTCUA_WITH_POSTGRES
            opened = std::make_unique<storage::postgres::PgDatabase>(
                storage::postgres::PgOptions{args.db, 4, std::string(32, 'k')});
#else
            std::fprintf(stderr, "this build has no PostgreSQL backend\n");
            return 1;
#endif
        } else {
            opened = std::make_unique<storage::sqlite::SqliteDatabase>(
                storage::sqlite::SqliteOptions{path.string(), 2, 256, std::string(32, 'k')});
        }
        storage::Database& database = *opened;
        if (!database.Migrate()) {
            std::fprintf(stderr, "migration failed\n");
            return 1;
        }
        SystemClock clock;
        services::CatalogService catalog(database, clock);
        (void)catalog.Load();
        if (catalog.GetSnapshot()->agencies.empty()) {
            const auto actor = domain::Actor::System("bench");
            (void)catalog.ImportAgencies(actor, resources::Get("demo/agencies.json"));
            (void)catalog.ImportProcedures(actor, resources::Get("demo/procedures.json"));
        }
        std::int64_t stored = 0;
        (void)database.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
            // Any dossier beyond the last generated code means the file is filled.
            auto last =
                transaction.Dossiers().FindByCode("BENCH-" + std::to_string(args.dossiers - 1));
            auto first = transaction.Dossiers().FindByCode("BENCH-0");
            stored = last && last.Value() ? args.dossiers : (first && first.Value() ? 1 : 0);
            return Done{};
        });
        if (stored < args.dossiers) {
            if (stored > 0) {
                std::fprintf(stderr, "%s holds another history; use an empty database\n",
                             args.db.c_str());
                return 1;
            }
            const auto made = bench::GenerateProvinceHistory(database, catalog,
                                                             {args.dossiers, 2024, 766, 20000});
            std::printf("generated %lld dossiers, %lld counter rows in %.1f s (%.0f dossiers/s)\n",
                        static_cast<long long>(made.dossiers),
                        static_cast<long long>(made.counter_rows), made.seconds,
                        static_cast<double>(made.dossiers) / made.seconds);
        }
        services::IndicatorService indicators(database, catalog, clock);
        const std::string root = catalog.GetSnapshot()->GetRootCode();
        std::printf("database %s: %lld dossiers, %zu agencies, %zu procedures\n",
                    postgres ? args.db.c_str() : path.c_str(),
                    static_cast<long long>(std::max(stored, args.dossiers)),
                    catalog.GetSnapshot()->agencies.size(),
                    catalog.GetSnapshot()->procedures.size());
        std::printf("%-36s %10s %10s %10s\n", "full provincial dashboard", "median ms", "p90 ms",
                    "max ms");
        double month_median = 0;
        for (const auto& [label, period] :
             {std::pair{"month 2025-11",
                        reporting::Period{reporting::PeriodKind::kMonth, 2025, 11}},
              std::pair{"quarter 2025-Q4",
                        reporting::Period{reporting::PeriodKind::kQuarter, 2025, 4}},
              std::pair{"year 2025", reporting::Period{reporting::PeriodKind::kYear, 2025, 1}}}) {
            std::size_t ranked = 0;
            const Timing t = Time(args.runs, [&] {
                auto ranking = indicators.Ranking(root, period);
                ranked = ranking ? ranking.Value().children.size() : 0;
                if (!ranking) {
                    std::fprintf(stderr, "dashboard failed\n");
                    // One thread: the benchmark stops at its first failure.
                    std::exit(1);  // NOLINT(concurrency-mt-unsafe)
                }
            });
            if (period.kind == reporting::PeriodKind::kMonth) {
                month_median = t.median;
            }
            std::printf("%-36s %10.2f %10.2f %10.2f   (%zu agencies ranked)\n", label, t.median,
                        t.p90, t.max, ranked);
        }
        if (postgres) {
            return 0;
        }
        sqlite3* raw = nullptr;
        sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
        const Timing naive = Time(std::max(1, std::min(args.runs, 3)), [&] {
            sqlite3_stmt* statement = nullptr;
            sqlite3_prepare_v2(raw, kNaiveMonth, -1, &statement, nullptr);
            while (sqlite3_step(statement) == SQLITE_ROW) {
            }
            sqlite3_finalize(statement);
        });
        sqlite3_close(raw);
        std::printf("%-36s %10.2f %10.2f %10.2f\n", "straightforward SQL, month 2025-11",
                    naive.median, naive.p90, naive.max);
        std::printf("speed-up (month, median): %.0fx\n", naive.median / month_median);
    }
    if (temporary) {
        std::filesystem::remove(path);
        std::filesystem::remove(path.string() + "-wal");
        std::filesystem::remove(path.string() + "-shm");
    }
    return 0;
}
