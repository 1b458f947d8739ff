#include "storage/postgres/pg_indicator_store.hpp"

#include <pqxx/pqxx>

#include "storage/counter_sql.hpp"
#include "storage/postgres/pg_statement.hpp"

namespace motcua::storage::postgres {
namespace {

// $n: the key parameters (1–3) are text, the counters bigint.
std::string Parameter(int n) { return "$" + std::to_string(n) + (n > 3 ? "::bigint" : ""); }

// ", sum(a)::bigint, sum(b)::bigint, …" (sum of bigint is numeric in PostgreSQL).
std::string SumColumns() { return CounterColumnList("sum(", ")::bigint"); }

// Reads the counter columns that start at result column `first`.
void ReadCounters(const pqxx::row& row, int first, reporting::Counters& counters) {
    int column = first;
    for (const auto& field : reporting::CounterFields()) {
        field.Of(counters) = Int(row[column++]);
    }
}

}  // namespace

Outcome<Done> PgIndicatorStore::Add(const std::string& agency_code,
                                    const std::string& procedure_code, const std::string& day,
                                    const reporting::Counters& delta) {
    static const std::string kUpsertDay =
        CounterUpsertSql("indicator_counters", "agency_code, procedure_code, day", Parameter);
    static const std::string kUpsertMonth = CounterUpsertSql(
        "indicator_counters_month", "month, agency_code, procedure_code", Parameter);
    const auto fields = reporting::CounterFields();
    auto run = [&](PgStatement& upsert) {
        for (const auto& field : fields) {
            upsert.Bind(std::int64_t{field.Of(delta)});
        }
        upsert.Run();
    };
    PgStatement daily(transaction_, kUpsertDay);
    daily.Bind(agency_code).Bind(procedure_code).Bind(day);
    run(daily);
    PgStatement monthly(transaction_, kUpsertMonth);
    monthly.Bind(day.substr(0, 7)).Bind(agency_code).Bind(procedure_code);
    run(monthly);
    return Done{};
}

Outcome<std::vector<ProcedureCounters>> PgIndicatorStore::SumByProcedure(
    const std::vector<std::string>& agencies, const std::string& first_month,
    const std::string& last_month) {
    const auto rows =
        PgStatement(transaction_,
                    "SELECT procedure_code" + SumColumns() +
                        " FROM indicator_counters_month WHERE month >= $1 AND month <= $2 "
                        "AND (cardinality($3::text[]) = 0 OR agency_code = ANY ($3::text[])) "
                        "GROUP BY procedure_code ORDER BY procedure_code")
            .Bind(first_month)
            .Bind(last_month)
            .Bind(TextArray(agencies))
            .Run();
    std::vector<ProcedureCounters> sums;
    for (const auto& row : rows) {
        ProcedureCounters sum;
        sum.procedure_code = Text(row[0]);
        ReadCounters(row, 1, sum.counters);
        sums.push_back(std::move(sum));
    }
    return sums;
}

Outcome<std::vector<AgencyProcedureCounters>> PgIndicatorStore::SumByAgencyAndProcedure(
    const std::string& first_month, const std::string& last_month) {
    const auto rows =
        PgStatement(transaction_, "SELECT agency_code, procedure_code" + SumColumns() +
                                      " FROM indicator_counters_month WHERE month >= $1 AND "
                                      "month <= $2 GROUP BY agency_code, procedure_code")
            .Bind(first_month)
            .Bind(last_month)
            .Run();
    std::vector<AgencyProcedureCounters> sums;
    for (const auto& row : rows) {
        AgencyProcedureCounters sum{Text(row[0]), Text(row[1]), {}};
        ReadCounters(row, 2, sum.counters);
        sums.push_back(std::move(sum));
    }
    return sums;
}

Outcome<std::vector<CounterRow>> PgIndicatorStore::ListAll() {
    std::vector<CounterRow> rows;
    for (const auto& row :
         transaction_.exec("SELECT agency_code, procedure_code, day" + CounterColumnList("", "") +
                           " FROM indicator_counters ORDER BY agency_code, procedure_code, day")) {
        CounterRow counters{Text(row[0]), Text(row[1]), Text(row[2]), {}};
        ReadCounters(row, 3, counters.counters);
        if (!reporting::IsZero(counters.counters)) {
            rows.push_back(std::move(counters));
        }
    }
    return rows;
}

Outcome<Done> PgIndicatorStore::Clear() {
    transaction_.exec("DELETE FROM indicator_counters");
    transaction_.exec("DELETE FROM indicator_counters_month");
    return Done{};
}

}  // namespace motcua::storage::postgres
