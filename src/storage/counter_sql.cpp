#include "storage/counter_sql.hpp"

#include "reporting/counters.hpp"

namespace motcua::storage {

std::string CounterColumnList(std::string_view before, std::string_view after) {
    std::string sql;
    for (const auto& field : reporting::CounterFields()) {
        sql.append(", ").append(before).append(field.column).append(after);
    }
    return sql;
}

std::string CounterUpsertSql(std::string_view table, std::string_view key,
                             const std::function<std::string(int)>& placeholder) {
    std::string values = placeholder(1) + ", " + placeholder(2) + ", " + placeholder(3);
    std::string updates;
    const auto fields = reporting::CounterFields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string name = fields[i].column;
        values += ", " + placeholder(static_cast<int>(i) + 4);
        updates += std::string(i == 0 ? "" : ", ") + name + " = t." + name + " + excluded." + name;
    }
    return "INSERT INTO " + std::string(table) + " AS t (" + std::string(key) +
           CounterColumnList("", "") + ") VALUES (" + values + ") ON CONFLICT (" +
           std::string(key) + ") DO UPDATE SET " + updates;
}

}  // namespace motcua::storage
