#include "storage/sqlite/sqlite_indicator_store.hpp"

#include <array>

#include "storage/counter_sql.hpp"

namespace motcua::storage::sqlite {
namespace {

// ?n: SQLite's numbered parameter.
std::string Parameter(int n) { return "?" + std::to_string(n); }

// Reads the counter columns that start at result column `first`.
void ReadCounters(SqliteStatement& select, int first, reporting::Counters& counters) {
    int column = first;
    for (const auto& field : reporting::CounterFields()) {
        field.Of(counters) = select.ColumnInt(column++);
    }
}

}  // namespace

Outcome<Done> SqliteIndicatorStore::Add(const std::string& agency_code,
                                        const std::string& procedure_code, const std::string& day,
                                        const reporting::Counters& delta) {
    static const std::string kUpsertDay =
        CounterUpsertSql("indicator_counters", "agency_code, procedure_code, day", Parameter);
    static const std::string kUpsertMonth = CounterUpsertSql(
        "indicator_counters_month", "month, agency_code, procedure_code", Parameter);
    const auto fields = reporting::CounterFields();
    auto bind_counters = [&](SqliteStatement& upsert) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            upsert.Bind(static_cast<int>(i + 4), fields[i].Of(delta));
        }
        upsert.Run();
    };
    auto daily = connection_.Prepare(kUpsertDay);
    daily.Bind(1, agency_code).Bind(2, procedure_code).Bind(3, day);
    bind_counters(daily);
    auto monthly = connection_.Prepare(kUpsertMonth);
    monthly.Bind(1, day.substr(0, 7)).Bind(2, agency_code).Bind(3, procedure_code);
    bind_counters(monthly);
    return Done{};
}

Outcome<std::vector<ProcedureCounters>> SqliteIndicatorStore::SumByProcedure(
    const std::vector<std::string>& agencies, const std::string& first_month,
    const std::string& last_month) {
    std::string sql = "SELECT procedure_code" + CounterColumnList("sum(", ")") +
                      " FROM indicator_counters_month WHERE month >= ?1 AND month <= ?2";
    if (!agencies.empty()) {
        sql += " AND agency_code IN (" + NumberedPlaceholders(3, agencies.size()) + ")";
    }
    sql += " GROUP BY procedure_code ORDER BY procedure_code";
    auto select = connection_.Prepare(sql);
    select.Bind(1, first_month).Bind(2, last_month);
    for (std::size_t i = 0; i < agencies.size(); ++i) {
        select.Bind(static_cast<int>(i + 3), agencies[i]);
    }
    std::vector<ProcedureCounters> rows;
    while (select.Step()) {
        ProcedureCounters row;
        row.procedure_code = select.ColumnText(0);
        ReadCounters(select, 1, row.counters);
        rows.push_back(std::move(row));
    }
    return rows;
}

Outcome<std::vector<AgencyProcedureCounters>> SqliteIndicatorStore::SumByAgencyAndProcedure(
    const std::string& first_month, const std::string& last_month) {
    auto select =
        connection_.Prepare("SELECT agency_code, procedure_code" + CounterColumnList("sum(", ")") +
                            " FROM indicator_counters_month WHERE month >= ?1 AND month <= ?2 "
                            "GROUP BY agency_code, procedure_code");
    select.Bind(1, first_month).Bind(2, last_month);
    std::vector<AgencyProcedureCounters> rows;
    while (select.Step()) {
        AgencyProcedureCounters row{select.ColumnText(0), select.ColumnText(1), {}};
        ReadCounters(select, 2, row.counters);
        rows.push_back(std::move(row));
    }
    return rows;
}

Outcome<std::vector<CounterRow>> SqliteIndicatorStore::ListAll() {
    auto select =
        connection_.Prepare("SELECT agency_code, procedure_code, day" + CounterColumnList("", "") +
                            " FROM indicator_counters ORDER BY agency_code, "
                            "procedure_code, day");
    std::vector<CounterRow> rows;
    while (select.Step()) {
        CounterRow row{select.ColumnText(0), select.ColumnText(1), select.ColumnText(2), {}};
        ReadCounters(select, 3, row.counters);
        if (!reporting::IsZero(row.counters)) {
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

Outcome<Done> SqliteIndicatorStore::Clear() {
    connection_.Exec("DELETE FROM indicator_counters");
    connection_.Exec("DELETE FROM indicator_counters_month");
    return Done{};
}

}  // namespace motcua::storage::sqlite
