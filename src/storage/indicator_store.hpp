// IndicatorStore: the indicator counters (domain/indicators/counters.hpp) per agency × procedure ×
// received day, and the same sums per received month (every reporting period is whole months).
// Deltas are added to both inside the transaction that records the dossier event that causes
// them; queries sum the month rows over months, agencies and procedures.
#pragma once

#include <string>
#include <vector>

#include "common/outcome.hpp"
#include "domain/indicators/counters.hpp"

namespace motcua::storage {

/// One stored row.
struct CounterRow {
    std::string agency_code;
    std::string procedure_code;
    std::string day;
    domain::Counters counters;
    friend bool operator==(const CounterRow&, const CounterRow&) = default;
};

/// One summed row: the counters of one procedure (over the queried agencies and days).
struct ProcedureCounters {
    std::string procedure_code;
    domain::Counters counters;
};

/// One summed row: the counters of one agency's procedure over the queried days.
struct AgencyProcedureCounters {
    std::string agency_code;
    std::string procedure_code;
    domain::Counters counters;
};

class IndicatorStore {
public:
    virtual ~IndicatorStore() = default;
    /// Adds `delta` to the row (agency, procedure, day "YYYY-MM-DD") and to its month's row,
    /// creating them if needed.
    virtual Outcome<Done> Add(const std::string& agency_code, const std::string& procedure_code,
                              const std::string& day, const domain::Counters& delta) = 0;
    /// Sums the rows of `agencies` (empty: all) with first_month <= month <= last_month
    /// ("YYYY-MM"), per procedure.
    virtual Outcome<std::vector<ProcedureCounters>> SumByProcedure(
        const std::vector<std::string>& agencies, const std::string& first_month,
        const std::string& last_month) = 0;
    /// Sums the month rows of first_month..last_month per agency and procedure (every agency:
    /// the province dashboard ranks them all from one read).
    virtual Outcome<std::vector<AgencyProcedureCounters>> SumByAgencyAndProcedure(
        const std::string& first_month, const std::string& last_month) = 0;
    /// Returns every non-zero daily row, ordered by agency, procedure and day.
    virtual Outcome<std::vector<CounterRow>> ListAll() = 0;
    /// Deletes every daily and month row (before a recompute in the same transaction).
    virtual Outcome<Done> Clear() = 0;
};

}  // namespace motcua::storage
