#include "storage/sqlite/sqlite_indicator_store.hpp"

#include <array>

namespace motcua::storage::sqlite {
namespace {

// The counter columns, in the order of Fields() below.
constexpr std::array<const char*, 20> kColumns{
    "received",
    "overdue_month",
    "overdue_quarter",
    "overdue_year",
    "online",
    "online_counted",
    "synced",
    "fee_due",
    "paid_online",
    "document_result",
    "e_result_synced",
    "digitized",
    "digitized_counted",
    "reused",
    "personal_store",
    "citizen_data",
    "unsatisfied_or_feedback",
    "dissatisfied_month",
    "dissatisfied_quarter",
    "dissatisfied_year",
};

// Pointers to the fields of `counters` in kColumns order: one mapping for reads and writes.
template <typename CountersT>
auto Fields(CountersT& c) {
    return std::array{&c.received,
                      &c.overdue.month,
                      &c.overdue.quarter,
                      &c.overdue.year,
                      &c.online,
                      &c.online_counted,
                      &c.synced,
                      &c.fee_due,
                      &c.paid_online,
                      &c.document_result,
                      &c.e_result_synced,
                      &c.digitized,
                      &c.digitized_counted,
                      &c.reused,
                      &c.personal_store,
                      &c.citizen_data,
                      &c.unsatisfied_or_feedback,
                      &c.dissatisfied.month,
                      &c.dissatisfied.quarter,
                      &c.dissatisfied.year};
}

std::string UpsertSql() {
    std::string columns;
    std::string values;
    std::string updates;
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
        const std::string name = kColumns[i];
        const std::string parameter = "?" + std::to_string(i + 4);
        columns += ", " + name;
        values += ", " + parameter;
        updates += std::string(i == 0 ? "" : ", ") + name + " = " + name + " + excluded." + name;
    }
    return "INSERT INTO indicator_counters (agency_code, procedure_code, day" + columns +
           ") VALUES (?1, ?2, ?3" + values + ") ON CONFLICT (agency_code, procedure_code, day) " +
           "DO UPDATE SET " + updates;
}

}  // namespace

Outcome<Done> SqliteIndicatorStore::Add(const std::string& agency_code,
                                        const std::string& procedure_code, const std::string& day,
                                        const reporting::Counters& delta) {
    static const std::string kUpsert = UpsertSql();
    auto upsert = connection_.Prepare(kUpsert);
    upsert.Bind(1, agency_code).Bind(2, procedure_code).Bind(3, day);
    const auto fields = Fields(delta);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        upsert.Bind(static_cast<int>(i + 4), *fields[i]);
    }
    upsert.Run();
    return Done{};
}

Outcome<std::vector<ProcedureCounters>> SqliteIndicatorStore::SumByProcedure(
    const std::vector<std::string>& agencies, const std::string& first_day,
    const std::string& last_day) {
    std::string sql = "SELECT procedure_code";
    for (const char* column : kColumns) {
        sql += std::string(", sum(") + column + ")";
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
        auto fields = Fields(row.counters);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            *fields[i] = select.ColumnInt(static_cast<int>(i + 1));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Outcome<std::vector<CounterRow>> SqliteIndicatorStore::ListAll() {
    std::string sql = "SELECT agency_code, procedure_code, day";
    for (const char* column : kColumns) {
        sql += std::string(", ") + column;
    }
    sql += " FROM indicator_counters ORDER BY agency_code, procedure_code, day";
    auto select = connection_.Prepare(sql);
    std::vector<CounterRow> rows;
    while (select.Step()) {
        CounterRow row{select.ColumnText(0), select.ColumnText(1), select.ColumnText(2), {}};
        auto fields = Fields(row.counters);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            *fields[i] = select.ColumnInt(static_cast<int>(i + 3));
        }
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
