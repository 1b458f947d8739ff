// SqliteDatabase's own guarantees: group commit, per-job rollback, durability across reopen.
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/temp_sqlite_database.hpp"

namespace motcua::storage::sqlite {
namespace {

Outcome<Done> InsertRow(SqliteConnection& connection, std::int64_t value) {
    connection.Exec("CREATE TABLE IF NOT EXISTS t (v INTEGER PRIMARY KEY)");
    auto insert = connection.Prepare("INSERT INTO t (v) VALUES (?1)");
    insert.Bind(1, value).Run();
    return Done{};
}

std::int64_t CountRows(SqliteDatabase& database) {
    return database
        .RunRead<std::int64_t>([](SqliteConnection& connection) -> Outcome<std::int64_t> {
            auto count = connection.Prepare("SELECT count(*) FROM t");
            count.Step();
            return count.ColumnInt(0);
        })
        .Value();
}

TEST(SqliteDatabase, ConcurrentWritersAreAllCommittedAndDurable) {
    testing::TempSqliteDatabase database;
    constexpr int kThreads = 8;
    constexpr int kWritesPerThread = 50;
    std::vector<std::thread> writers;
    writers.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
        writers.emplace_back([&, t] {
            for (int i = 0; i < kWritesPerThread; ++i) {
                const std::int64_t value = t * 1000 + i;
                auto written = database.Get().RunWrite(
                    [value](SqliteConnection& connection) { return InsertRow(connection, value); });
                EXPECT_TRUE(written.HasValue());
            }
        });
    }
    for (auto& writer : writers) {
        writer.join();
    }
    database.Reopen();
    EXPECT_EQ(CountRows(database.Get()), kThreads * kWritesPerThread);
}

TEST(SqliteDatabase, FailingJobIsRolledBackAloneInItsBatch) {
    testing::TempSqliteDatabase database;
    ASSERT_TRUE(
        database.Get().RunWrite([](SqliteConnection& c) { return InsertRow(c, 1); }).HasValue());
    // A duplicate key throws inside the job; an explicit error is returned by the other.
    auto duplicate = database.Get().RunWrite([](SqliteConnection& c) { return InsertRow(c, 1); });
    EXPECT_FALSE(duplicate.HasValue());
    EXPECT_EQ(duplicate.GetError().kind, ErrorKind::kUnavailable);
    auto refused = database.Get().RunWrite([](SqliteConnection& c) -> Outcome<Done> {
        (void)InsertRow(c, 2);
        return MakeError(ErrorKind::kConflict, "conflict");
    });
    EXPECT_EQ(refused.GetError().kind, ErrorKind::kConflict);
    ASSERT_TRUE(
        database.Get().RunWrite([](SqliteConnection& c) { return InsertRow(c, 3); }).HasValue());
    EXPECT_EQ(CountRows(database.Get()), 2);  // Rows 1 and 3; row 2 was rolled back.
}

TEST(SqliteDatabase, MigrationsAreAppliedOnce) {
    testing::TempSqliteDatabase database;
    auto again = database.Get().Migrate();
    ASSERT_TRUE(again.HasValue());
    EXPECT_EQ(again.Value().applied, 0);
    EXPECT_GE(again.Value().current_version, 1);
}

TEST(SqliteDatabase, WritesAfterCloseAreRefused) {
    testing::TempSqliteDatabase database;
    database.Get().Close();
    auto refused = database.Get().RunWrite([](SqliteConnection& c) { return InsertRow(c, 1); });
    ASSERT_FALSE(refused.HasValue());
    EXPECT_EQ(refused.GetError().code, "shutting_down");
}

}  // namespace
}  // namespace motcua::storage::sqlite
