#include "storage/sql/sql_dialect.hpp"

#include <gtest/gtest.h>

namespace motcua::storage::sql {
namespace {

TEST(SqlDialect, PlaceholdersAndCastsAreWrittenPerBackend) {
    constexpr std::string_view kSql =
        "SELECT a FROM t WHERE (?1::bigint = 0 OR b = ?1::bigint) "
        "AND c = ?12 AND d = ANY (?3::text[])";
    EXPECT_EQ(TranslateSql(kSql, Backend::kSqlite, true),
              "SELECT a FROM t WHERE (?1 = 0 OR b = ?1) AND c = ?12 AND d = ANY (?3)");
    EXPECT_EQ(TranslateSql(kSql, Backend::kPostgres, true),
              "SELECT a FROM t WHERE ($1::bigint = 0 OR b = $1::bigint) AND c = $12 "
              "AND d = ANY ($3::text[])");
}

TEST(SqlDialect, MarksAreExpandedAndLiteralsLeftAlone) {
    constexpr std::string_view kSql =
        "SELECT x FROM t{indexed_by t_by_y} WHERE y = '?1 {now}' AND z = ?2{for_update}";
    EXPECT_EQ(TranslateSql(kSql, Backend::kSqlite, true),
              "SELECT x FROM t INDEXED BY t_by_y WHERE y = '?1 {now}' AND z = ?2");
    EXPECT_EQ(TranslateSql(kSql, Backend::kPostgres, true),
              "SELECT x FROM t WHERE y = '?1 {now}' AND z = $2 FOR UPDATE");
    // A read transaction takes no row locks.
    EXPECT_EQ(TranslateSql(kSql, Backend::kPostgres, false),
              "SELECT x FROM t WHERE y = '?1 {now}' AND z = $2");
    EXPECT_EQ(TranslateSql("{greatest}(a, b)", Backend::kSqlite, true), "max(a, b)");
    EXPECT_EQ(TranslateSql("{greatest}(a, b)", Backend::kPostgres, true), "greatest(a, b)");
    EXPECT_EQ(TranslateSql("VALUES ({now}, '{}')", Backend::kSqlite, true),
              "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ'), '{}')");
}

TEST(SqlDialect, QuotesInsideLiteralsDoNotEndThem) {
    EXPECT_EQ(TranslateSql("SELECT 'it''s ?1' || ?2", Backend::kPostgres, false),
              "SELECT 'it''s ?1' || $2");
}

TEST(SqlDialect, ListsAndArrays) {
    EXPECT_EQ(Placeholders(5, 3), "?5, ?6, ?7");
    EXPECT_EQ(Placeholders(5, 0), "");
    EXPECT_EQ(TextArray({"a,b", "say \"hi\"", "NULL"}), R"({"a,b","say \"hi\"","NULL"})");
    EXPECT_EQ(IntArray({2, 4}), "{2,4}");
    EXPECT_EQ(TextArray({}), "{}");
}

}  // namespace
}  // namespace motcua::storage::sql
