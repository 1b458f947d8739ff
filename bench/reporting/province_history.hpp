// A generator of realistic provincial dossier histories for the dashboard benchmark: the demo
// province's agencies and procedures, two years of weekday receptions with seasonal volume
// (a Tết dip, a year-end rush), channels, supplementation, late, withdrawn, stopped and refused
// dossiers, payments, digitisation, reuse, sync and ratings. Dossiers are written through the
// real SqliteDossierStore (their canonical JSON and query columns); their counters are computed
// with the real Counts(ExtractFacts(…)) and stored once at the end, as a recompute would. Event
// rows are not written: neither the dashboard nor the straightforward aggregation reads them.
#pragma once

#include <cstdint>

#include "services/catalog/catalog_service.hpp"
#include "storage/database.hpp"

namespace motcua::bench {

struct HistoryOptions {
    std::int64_t dossiers = 100000;
    int first_year = 2024;  // Two years: first_year and the next.
    std::uint32_t seed = 766;
    int batch = 20000;  // Dossiers per transaction.
};

struct HistoryReport {
    std::int64_t dossiers = 0;
    std::int64_t counter_rows = 0;
    double seconds = 0;
};

/// Writes the history into `database` (whose catalogue `catalog` has loaded).
HistoryReport GenerateProvinceHistory(storage::Database& database,
                                      services::CatalogService& catalog,
                                      const HistoryOptions& options);

}  // namespace motcua::bench
