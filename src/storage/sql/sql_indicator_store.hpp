// The indicator counters, written once for both backends. Every statement is built over the
// counter columns (domain::CounterFields(), in that order), so that a counter added there
// reaches every statement at once.
#pragma once

#include "storage/indicator_store.hpp"
#include "storage/sql/statement.hpp"

namespace motcua::storage::sql {

class SqlIndicatorStore final : public IndicatorStore {
public:
    explicit SqlIndicatorStore(Session& session) : session_(session) {}
    Outcome<Done> Add(const std::string& agency_code, const std::string& procedure_code,
                      const std::string& day, const domain::Counters& delta) override;
    Outcome<std::vector<ProcedureCounters>> SumByProcedure(const std::vector<std::string>& agencies,
                                                           const std::string& first_month,
                                                           const std::string& last_month) override;
    Outcome<std::vector<AgencyProcedureCounters>> SumByAgencyAndProcedure(
        const std::string& first_day, const std::string& last_month) override;
    Outcome<std::vector<CounterRow>> ListAll() override;
    Outcome<Done> Clear() override;

private:
    Session& session_;
};

}  // namespace motcua::storage::sql
