#include "storage/sql/sql_indicator_store.hpp"

namespace motcua::storage::sql {
namespace {

/// ", <before>column<after>" for every counter column: (", sum(", ")") gives ", sum(a), sum(b)".
std::string CounterColumnList(std::string_view before, std::string_view after) {
    std::string sql;
    for (const auto& field : domain::CounterFields()) {
        sql.append(", ").append(before).append(field.column).append(after);
    }
    return sql;
}

// ", CAST(sum(a) AS BIGINT), …": PostgreSQL's sum of bigint is numeric.
std::string SumColumns() { return CounterColumnList("CAST(sum(", ") AS BIGINT)"); }

/// The upsert of one row of `table` that adds the counters to those stored: the three key
/// columns `key` are parameters 1–3, the counters 4… in CounterFields() order.
std::string CounterUpsertSql(std::string_view table, std::string_view key) {
    std::string values = "?1, ?2, ?3";
    std::string updates;
    const auto fields = domain::CounterFields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string name = fields[i].column;
        values += ", ?" + std::to_string(i + 4) + "::bigint";
        updates.append(i == 0 ? "" : ", ")
            .append(name)
            .append(" = t.")
            .append(name)
            .append(" + excluded.")
            .append(name);
    }
    return "INSERT INTO " + std::string(table) + " AS t (" + std::string(key) +
           CounterColumnList("", "") + ") VALUES (" + values + ") ON CONFLICT (" +
           std::string(key) + ") DO UPDATE SET " + updates;
}

// Reads the counter columns that start at result column `first`.
void ReadCounters(const Statement& select, int first, domain::Counters& counters) {
    int column = first;
    for (const auto& field : domain::CounterFields()) {
        field.Of(counters) = select.ColumnInt(column++);
    }
}

}  // namespace

Outcome<Done> SqlIndicatorStore::Add(const std::string& agency_code,
                                     const std::string& procedure_code, const std::string& day,
                                     const domain::Counters& delta) {
    static const std::string upsert_day =
        CounterUpsertSql("indicator_counters", "agency_code, procedure_code, day");
    static const std::string upsert_month =
        CounterUpsertSql("indicator_counters_month", "month, agency_code, procedure_code");
    const auto fields = domain::CounterFields();
    auto bind_counters = [&](Statement& upsert) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            upsert.Bind(static_cast<int>(i + 4), fields[i].Of(delta));
        }
        upsert.Run();
    };
    auto daily = session_.Prepare(upsert_day);
    daily.Bind(1, agency_code).Bind(2, procedure_code).Bind(3, day);
    bind_counters(daily);
    auto monthly = session_.Prepare(upsert_month);
    monthly.Bind(1, day.substr(0, 7)).Bind(2, agency_code).Bind(3, procedure_code);
    bind_counters(monthly);
    return Done{};
}

Outcome<std::vector<ProcedureCounters>> SqlIndicatorStore::SumByProcedure(
    const std::vector<std::string>& agencies, const std::string& first_month,
    const std::string& last_month) {
    std::string sql = "SELECT procedure_code" + SumColumns() +
                      " FROM indicator_counters_month WHERE month >= ?1 AND month <= ?2";
    if (!agencies.empty()) {
        sql += " AND agency_code IN (" + Placeholders(3, agencies.size()) + ")";
    }
    sql += " GROUP BY procedure_code ORDER BY procedure_code";
    auto select = session_.Prepare(sql);
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

Outcome<std::vector<AgencyProcedureCounters>> SqlIndicatorStore::SumByAgencyAndProcedure(
    const std::string& first_month, const std::string& last_month) {
    auto select = session_.Prepare("SELECT agency_code, procedure_code" + SumColumns() +
                                   " FROM indicator_counters_month WHERE month >= ?1 AND "
                                   "month <= ?2 GROUP BY agency_code, procedure_code");
    select.Bind(1, first_month).Bind(2, last_month);
    std::vector<AgencyProcedureCounters> rows;
    while (select.Step()) {
        AgencyProcedureCounters row{select.ColumnText(0), select.ColumnText(1), {}};
        ReadCounters(select, 2, row.counters);
        rows.push_back(std::move(row));
    }
    return rows;
}

Outcome<std::vector<CounterRow>> SqlIndicatorStore::ListAll() {
    auto select =
        session_.Prepare("SELECT agency_code, procedure_code, day" + CounterColumnList("", "") +
                         " FROM indicator_counters ORDER BY agency_code, procedure_code, day");
    std::vector<CounterRow> rows;
    while (select.Step()) {
        CounterRow row{select.ColumnText(0), select.ColumnText(1), select.ColumnText(2), {}};
        ReadCounters(select, 3, row.counters);
        if (!domain::IsZero(row.counters)) {
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

Outcome<Done> SqlIndicatorStore::Clear() {
    session_.Prepare("DELETE FROM indicator_counters").Run();
    session_.Prepare("DELETE FROM indicator_counters_month").Run();
    return Done{};
}

}  // namespace motcua::storage::sql
