#include "storage/sqlite/sqlite_indicator_store.hpp"

#include <array>

namespace motcua::storage::sqlite {
namespace {

std::string UpsertSql() {
    std::string columns;
    std::string values;
    std::string updates;
    const auto fields = reporting::CounterFields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string name = fields[i].column;
        const std::string parameter = "?" + std::to_string(i + 4);
        columns += ", " + name;
        values += ", " + parameter;
        updates += std::string(i == 0 ? "" : ", ") + name + " = " + name + " + excluded." + name;
    }
    return "INSERT INTO indicator_counters (agency_code, procedure_code, day" + columns +
           ") VALUES (?1, ?2, ?3" + values + ") ON CONFLICT (agency_code, procedure_code, day) " +
           "DO UPDATE SET " + updates;
}

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
    static const std::string kUpsert = UpsertSql();
    auto upsert = connection_.Prepare(kUpsert);
    upsert.Bind(1, agency_code).Bind(2, procedure_code).Bind(3, day);
    const auto fields = reporting::CounterFields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        upsert.Bind(static_cast<int>(i + 4), fields[i].Of(delta));
    }
    upsert.Run();
    return Done{};
}

Outcome<std::vector<ProcedureCounters>> SqliteIndicatorStore::SumByProcedure(
    const std::vector<std::string>& agencies, const std::string& first_day,
    const std::string& last_day) {
    std::string sql = "SELECT procedure_code";
    for (const auto& field : reporting::CounterFields()) {
        sql += std::string(", sum(") + field.column + ")";
    }
    sql += " FROM indicator_counters WHERE day >= ?1 AND day <= ?2";
    if (!agencies.empty()) {
        sql += " AND agency_code IN (" + NumberedPlaceholders(3, agencies.size()) + ")";
    }
    sql += " GROUP BY procedure_code ORDER BY procedure_code";
    auto select = connection_.Prepare(sql);
    select.Bind(1, first_day).Bind(2, last_day);
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
    const std::string& first_day, const std::string& last_day) {
    std::string sql = "SELECT agency_code, procedure_code";
    for (const auto& field : reporting::CounterFields()) {
        sql += std::string(", sum(") + field.column + ")";
    }
    sql +=
        " FROM indicator_counters WHERE day >= ?1 AND day <= ?2 "
        "GROUP BY agency_code, procedure_code";
    auto select = connection_.Prepare(sql);
    select.Bind(1, first_day).Bind(2, last_day);
    std::vector<AgencyProcedureCounters> rows;
    while (select.Step()) {
        AgencyProcedureCounters row{select.ColumnText(0), select.ColumnText(1), {}};
        ReadCounters(select, 2, row.counters);
        rows.push_back(std::move(row));
    }
    return rows;
}

Outcome<std::vector<CounterRow>> SqliteIndicatorStore::ListAll() {
    std::string sql = "SELECT agency_code, procedure_code, day";
    for (const auto& field : reporting::CounterFields()) {
        sql += std::string(", ") + field.column;
    }
    sql += " FROM indicator_counters ORDER BY agency_code, procedure_code, day";
    auto select = connection_.Prepare(sql);
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
    return Done{};
}

}  // namespace motcua::storage::sqlite
