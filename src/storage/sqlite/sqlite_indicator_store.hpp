// The indicator counters on SQLite.
#pragma once

#include "storage/indicator_store.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace motcua::storage::sqlite {

class SqliteIndicatorStore final : public IndicatorStore {
public:
    explicit SqliteIndicatorStore(SqliteConnection& connection) : connection_(connection) {}
    Outcome<Done> Add(const std::string& agency_code, const std::string& procedure_code,
                      const std::string& day, const reporting::Counters& delta) override;
    Outcome<std::vector<ProcedureCounters>> SumByProcedure(const std::vector<std::string>& agencies,
                                                           const std::string& first_month,
                                                           const std::string& last_month) override;
    Outcome<std::vector<AgencyProcedureCounters>> SumByAgencyAndProcedure(
        const std::string& first_day, const std::string& last_month) override;
    Outcome<std::vector<CounterRow>> ListAll() override;
    Outcome<Done> Clear() override;

private:
    SqliteConnection& connection_;
};

}  // namespace motcua::storage::sqlite
