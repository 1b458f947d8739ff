// The indicator counters on PostgreSQL: the daily rows and their month sums (migrations 0005,
// 0006, 0008), added to by upserts in the transaction of the event that causes them.
#pragma once

#include "storage/indicator_store.hpp"

namespace pqxx {
class transaction_base;
}

namespace motcua::storage::postgres {

class PgIndicatorStore final : public IndicatorStore {
public:
    explicit PgIndicatorStore(pqxx::transaction_base& transaction) : transaction_(transaction) {}
    Outcome<Done> Add(const std::string& agency_code, const std::string& procedure_code,
                      const std::string& day, const reporting::Counters& delta) override;
    Outcome<std::vector<ProcedureCounters>> SumByProcedure(const std::vector<std::string>& agencies,
                                                           const std::string& first_month,
                                                           const std::string& last_month) override;
    Outcome<std::vector<AgencyProcedureCounters>> SumByAgencyAndProcedure(
        const std::string& first_month, const std::string& last_month) override;
    Outcome<std::vector<CounterRow>> ListAll() override;
    Outcome<Done> Clear() override;

private:
    pqxx::transaction_base& transaction_;
};

}  // namespace motcua::storage::postgres
