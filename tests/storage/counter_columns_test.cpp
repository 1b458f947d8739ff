// The counter tables' columns, as the migrations create them, are exactly the key columns and
// then domain::CounterFields() in order: the one list the stores' statements are built from.
// (postgres_database_test checks that PostgreSQL has the same tables and columns.)
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/indicators/counters.hpp"
#include "support/temp_sqlite_database.hpp"

namespace motcua::storage::sqlite {
namespace {

std::vector<std::string> ColumnsOf(SqliteDatabase& database, const std::string& table) {
    return database
        .RunRead<std::vector<std::string>>(
            [&](SqliteConnection& connection) -> Outcome<std::vector<std::string>> {
                auto select =
                    connection.Prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
                select.Bind(1, table);
                std::vector<std::string> columns;
                while (select.Step()) {
                    columns.push_back(select.ColumnText(0));
                }
                return columns;
            })
        .Value();
}

std::vector<std::string> Expected(std::vector<std::string> key) {
    for (const auto& field : domain::CounterFields()) {
        key.emplace_back(field.column);
    }
    return key;
}

TEST(CounterColumns, DailyTableHasTheKeyThenEveryCounterInOrder) {
    testing::TempSqliteDatabase database;
    EXPECT_EQ(ColumnsOf(database.Get(), "indicator_counters"),
              Expected({"agency_code", "procedure_code", "day"}));
}

TEST(CounterColumns, MonthTableHasTheKeyThenEveryCounterInOrder) {
    testing::TempSqliteDatabase database;
    EXPECT_EQ(ColumnsOf(database.Get(), "indicator_counters_month"),
              Expected({"month", "agency_code", "procedure_code"}));
}

}  // namespace
}  // namespace motcua::storage::sqlite
