// PgDatabase's own guarantees, against the server libpq's environment names (skipped when
// PGHOST is unset): migrations once, rollback on error, refusal after Close, and what several
// connections — as several server processes — must not break: gap-free daily sequences, one
// linear audit chain, no lost dossier update, one dossier per Idempotency-Key, a dossier another
// connection holds skipped by FindUnlockedByCode.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "storage/postgres/pg_migration_files.hpp"
#include "storage/sqlite/migration_files.hpp"
#include "support/temp_pg_database.hpp"
#include "support/temp_sqlite_database.hpp"

namespace motcua::storage::postgres {
namespace {

class PostgresDatabase : public ::testing::Test {
protected:
    void SetUp() override {
        if (!testing::TempPgDatabase::Available()) {
            GTEST_SKIP() << "PGHOST is unset: no PostgreSQL server to test against";
        }
        database_ = std::make_unique<testing::TempPgDatabase>();
    }
    PgDatabase& Db() { return database_->Get(); }

    std::unique_ptr<testing::TempPgDatabase> database_;
};

TEST_F(PostgresDatabase, MigrationsAreAppliedOnce) {
    auto again = Db().Migrate();
    ASSERT_TRUE(again.HasValue());
    EXPECT_EQ(again.Value().applied, 0);
    // The newest migration is in place (names start with their number: 0009_…).
    EXPECT_EQ(again.Value().current_version,
              std::stoi(std::string(migration_files::Names().back().substr(0, 4))));
}

TEST(PostgresMigrations, SameNamesAsTheSqliteOnes) {
    EXPECT_EQ(migration_files::Names(), storage::migration_files::Names());
}

TEST_F(PostgresDatabase, SchemaHasTheSqliteTablesAndColumns) {
    using Columns = std::set<std::pair<std::string, std::string>>;
    Columns postgres;
    ASSERT_TRUE(Db().RunRead([&](pqxx::transaction_base& t) -> Outcome<Done> {
                        for (const auto& row : t.exec(
                                 "SELECT table_name, column_name FROM information_schema.columns "
                                 "WHERE table_schema = current_schema()")) {
                            postgres.emplace(row[0].c_str(), row[1].c_str());
                        }
                        return Done{};
                    })
                    .HasValue());
    testing::TempSqliteDatabase sqlite_database;
    Columns sqlite;
    ASSERT_TRUE(
        sqlite_database.Get()
            .RunRead<Done>([&](sqlite::SqliteConnection& c) -> Outcome<Done> {
                auto select = c.Prepare(
                    "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
                    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'");
                while (select.Step()) {
                    sqlite.emplace(select.ColumnText(0), select.ColumnText(1));
                }
                return Done{};
            })
            .HasValue());
    EXPECT_GT(sqlite.size(), 100U);  // Every table of every migration, schema_migrations too.
    EXPECT_EQ(postgres, sqlite);
}

TEST_F(PostgresDatabase, ErrorOrThrowRollsBackTheWholeWrite) {
    auto refused = Db().Write([](Transaction& t) -> Outcome<Done> {
        MOTCUA_RETURN_IF_ERROR(t.Dossiers().EnsureSequenceAtLeast("A", "250701", 5));
        return MakeError(ErrorKind::kConflict, "conflict");
    });
    EXPECT_EQ(refused.GetError().kind, ErrorKind::kConflict);
    auto thrown = Db().Write([](Transaction& t) -> Outcome<Done> {
        MOTCUA_RETURN_IF_ERROR(t.Dossiers().EnsureSequenceAtLeast("A", "250701", 5));
        return t.Sessions().Insert({"t", 999, "cookie", "", "x", "y", "", ""});  // No account.
    });
    EXPECT_EQ(thrown.GetError().kind, ErrorKind::kUnavailable);
    ASSERT_TRUE(Db().Write([](Transaction& t) -> Outcome<Done> {
                        EXPECT_EQ(t.Dossiers().NextDailySequence("A", "250701").Value(), 1);
                        return Done{};
                    })
                    .HasValue());
}

TEST_F(PostgresDatabase, WritesAfterCloseAreRefused) {
    Db().Close();
    auto refused = Db().Write([](Transaction&) -> Outcome<Done> { return Done{}; });
    ASSERT_FALSE(refused.HasValue());
    EXPECT_EQ(refused.GetError().code, "shutting_down");
}

TEST_F(PostgresDatabase, UnreachableServerFailsAtOpen) {
    EXPECT_ANY_THROW(PgDatabase(PgOptions{"host=/nonexistent port=1", 1, std::string(32, 'k')}));
}

TEST_F(PostgresDatabase, ConnectionsDroppedByTheServerAreReplaced) {
    auto write = [&] {
        return Db().Write([](Transaction& t) -> Outcome<Done> {
            return t.Dossiers().EnsureSequenceAtLeast("A", "250701", 1);
        });
    };
    ASSERT_TRUE(write().HasValue());
    // The server ends every session of the pool (a restart, an administrator, a failover).
    pqxx::connection admin{""};
    pqxx::nontransaction(admin).exec_params(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
        database_->GetSchema());
    for (int i = 0; i < 500; ++i) {  // pg_terminate_backend only signals: wait for the end.
        const auto left = pqxx::nontransaction(admin).exec_params(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1",
            database_->GetSchema());
        if (left[0][0].as<int>() == 0) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    // A backend leaves pg_stat_activity just before its socket closes.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    // Each is found broken before its transaction begins and replaced by a new connection.
    auto first = write();
    EXPECT_TRUE(first.HasValue()) << first.GetError().detail;
    EXPECT_TRUE(write().HasValue());
}

TEST(PostgresConninfo, DescribeHidesThePassword) {
    EXPECT_EQ(RedactConninfo("postgresql://motcua:secret@db:5432/motcua"),
              "postgresql://motcua@db:5432/motcua");
    EXPECT_EQ(RedactConninfo("postgresql://db/motcua"), "postgresql://db/motcua");
    EXPECT_EQ(RedactConninfo("host=db password=secret dbname=motcua"),
              "postgresql:host=db dbname=motcua");
}

// Runs `per_thread` calls of `call` on each of 2 threads of each of 2 database objects with one
// connection each (two server processes).
template <typename Call>
void FromTwoConnections(testing::TempPgDatabase& temp, int per_thread, Call call) {
    std::vector<std::unique_ptr<PgDatabase>> processes;
    processes.push_back(temp.OpenAnother(1));
    processes.push_back(temp.OpenAnother(1));
    std::vector<std::thread> threads;
    for (auto& process : processes) {
        for (int t = 0; t < 2; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < per_thread; ++i) {
                    call(*process, t * per_thread + i);
                }
            });
        }
    }
    for (auto& thread : threads) {
        thread.join();
    }
}

TEST_F(PostgresDatabase, DailySequenceIsGapFreeAndUniqueAcrossConnections) {
    std::mutex mutex;
    std::vector<int> committed;
    FromTwoConnections(*database_, 30, [&](PgDatabase& process, int i) {
        int taken = 0;
        auto written = process.Write([&](Transaction& t) -> Outcome<Done> {
            auto next = t.Dossiers().NextDailySequence("H32.02", "250701");
            if (!next) {
                return next.GetError();
            }
            taken = next.Value();
            if (i % 6 == 5) {  // Rolled back: its number is given to the next one.
                return MakeError(ErrorKind::kConflict, "rolled_back");
            }
            return Done{};
        });
        if (written) {
            const std::lock_guard lock(mutex);
            committed.push_back(taken);
        }
    });
    ASSERT_EQ(committed.size(), 100U);  // 120 calls, 20 rolled back.
    std::sort(committed.begin(), committed.end());
    for (int n = 1; n <= 100; ++n) {
        EXPECT_EQ(committed[static_cast<std::size_t>(n - 1)], n);
    }
}

// The record of one read, by actor `actor`.
domain::AuditRecord ReadRecord(std::int64_t actor) {
    domain::AuditRecord record;
    record.at = "2025-07-01T01:00:00.000000Z";
    record.actor_id = actor;
    record.action = "dossier.read";
    record.outcome = "ok";
    record.detail = "{}";
    return record;
}

// The audit log holds `count` records in one chain that verifies up to its head.
void ExpectOneVerifiedChain(PgDatabase& database, std::int64_t count) {
    ASSERT_TRUE(database
                    .Read([&](Transaction& t) -> Outcome<Done> {
                        domain::AuditChainVerifier verifier(std::string(32, 'k'));
                        MOTCUA_RETURN_IF_ERROR(t.Audit().Scan(
                            [&](const domain::AuditRecord& r) { return verifier.Feed(r); }));
                        const auto head = t.Audit().GetHead().Value();
                        EXPECT_EQ(head.first, count);
                        EXPECT_EQ(verifier.GetCount(), count);
                        EXPECT_TRUE(verifier.Finish(head.first, head.second));
                        EXPECT_FALSE(verifier.GetFailure().has_value());
                        return Done{};
                    })
                    .HasValue());
}

TEST_F(PostgresDatabase, AuditAppendsFromSeveralConnectionsKeepOneChain) {
    FromTwoConnections(*database_, 25, [](PgDatabase& process, int i) {
        auto written = process.Write([&](Transaction& t) -> Outcome<Done> {
            MOTCUA_RETURN_IF_ERROR(t.Audit().Append(ReadRecord(i)));
            return Done{};
        });
        EXPECT_TRUE(written.HasValue());
    });
    ExpectOneVerifiedChain(Db(), 100);
}

// WriteAudit: the records of many reads share a transaction; one that fails is not kept and
// the rest of its batch is (each then runs on its own); two processes keep one chain.
TEST_F(PostgresDatabase, AuditOnlyWritesShareCommitsAndKeepOneChain) {
    std::vector<std::unique_ptr<PgDatabase>> processes;
    processes.push_back(database_->OpenAnother(2));
    processes.push_back(database_->OpenAnother(2));
    std::atomic<int> refused = 0;
    std::vector<std::thread> threads;
    for (auto& process : processes) {
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 25; ++i) {
                    const int n = t * 25 + i;
                    auto written = process->WriteAudit([&](Transaction& tx) -> Outcome<Done> {
                        MOTCUA_RETURN_IF_ERROR(tx.Audit().Append(ReadRecord(n)));
                        if (n % 50 == 7) {
                            return MakeError(ErrorKind::kConflict, "refused");
                        }
                        return Done{};
                    });
                    if (!written) {
                        EXPECT_EQ(written.GetError().code, "refused");
                        ++refused;
                    }
                }
            });
        }
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(refused.load(), 2 * 4);  // n = 7, 57, 107, 157 in each process.
    ExpectOneVerifiedChain(Db(), 400 - 8);
}

TEST_F(PostgresDatabase, ConcurrentChangesOfOneDossierAreNotLost) {
    ASSERT_TRUE(Db().Write([](Transaction& t) -> Outcome<Done> {
                        domain::Dossier dossier;
                        dossier.code = "D1";
                        dossier.procedure_code = "P1";
                        dossier.receiving_agency = "H32.02";
                        dossier.current_agency = "H32.02";
                        MOTCUA_RETURN_IF_ERROR(t.Dossiers().Insert(dossier));
                        return Done{};
                    })
                    .HasValue());
    // Each write reads the dossier, adds one and writes it back: FindByCode's row lock makes
    // the read-change-write of two connections take turns.
    FromTwoConnections(*database_, 15, [](PgDatabase& process, int) {
        auto written = process.Write([](Transaction& t) -> Outcome<Done> {
            auto loaded = t.Dossiers().FindByCode("D1");
            if (!loaded) {
                return loaded.GetError();
            }
            domain::Dossier dossier = *loaded.Value();
            ++dossier.fee_total;
            return t.Dossiers().Update(dossier);
        });
        EXPECT_TRUE(written.HasValue());
    });
    ASSERT_TRUE(Db().Read([](Transaction& t) -> Outcome<Done> {
                        EXPECT_EQ(t.Dossiers().FindByCode("D1").Value()->fee_total, 60);
                        return Done{};
                    })
                    .HasValue());
}

TEST_F(PostgresDatabase, ConcurrentRetriesWithOneIdempotencyKeyCreateOneDossier) {
    // A submission as the service does it: the key's dossier if there is one, else a new
    // dossier and the key, in one write.
    std::atomic<int> created = 0;
    FromTwoConnections(*database_, 5, [&](PgDatabase& process, int i) {
        auto written = process.Write([&](Transaction& t) -> Outcome<Done> {
            auto earlier = t.Dossiers().FindIdempotencyKey(7, "retry-1");
            if (!earlier) {
                return earlier.GetError();
            }
            if (earlier.Value()) {
                return Done{};
            }
            // Widens the window in which another retry could look for the key too.
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            domain::Dossier dossier;
            dossier.code = "D" + std::to_string(i) + "-" + std::to_string(created.load());
            dossier.procedure_code = "P1";
            MOTCUA_RETURN_IF_ERROR(t.Dossiers().Insert(dossier));
            MOTCUA_RETURN_IF_ERROR(
                t.Dossiers().RememberIdempotencyKey(7, "retry-1", dossier.code, "now"));
            ++created;
            return Done{};
        });
        EXPECT_TRUE(written.HasValue());
    });
    EXPECT_EQ(created.load(), 1);
}

TEST_F(PostgresDatabase, FindUnlockedByCodeSkipsADossierAnotherConnectionHolds) {
    ASSERT_TRUE(Db().Write([](Transaction& t) -> Outcome<Done> {
                        for (const char* code : {"D1", "D2"}) {
                            domain::Dossier dossier;
                            dossier.code = code;
                            dossier.procedure_code = "P1";
                            MOTCUA_RETURN_IF_ERROR(t.Dossiers().Insert(dossier));
                        }
                        return Done{};
                    })
                    .HasValue());
    // Another process holds D1 (it read it to change it) until `release`.
    auto other = database_->OpenAnother(1);
    std::promise<void> held;
    std::promise<void> release;
    std::thread holder([&] {
        auto written = other->Write([&](Transaction& t) -> Outcome<Done> {
            MOTCUA_RETURN_IF_ERROR(t.Dossiers().FindByCode("D1"));
            held.set_value();
            release.get_future().wait();
            return Done{};
        });
        EXPECT_TRUE(written.HasValue());
    });
    held.get_future().wait();
    auto skipping = std::async(std::launch::async, [&] {
        return Db().Write([](Transaction& t) -> Outcome<Done> {
            EXPECT_FALSE(t.Dossiers().FindUnlockedByCode("D1").Value().has_value());
            EXPECT_TRUE(t.Dossiers().FindUnlockedByCode("D2").Value().has_value());
            return Done{};
        });
    });
    // Not waited for: answered while D1 is still held (a wait would last until the release).
    const bool answered = skipping.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
    release.set_value();
    holder.join();
    EXPECT_TRUE(answered);
    EXPECT_TRUE(skipping.get().HasValue());
    // Released: found again.
    ASSERT_TRUE(Db().Write([](Transaction& t) -> Outcome<Done> {
                        EXPECT_TRUE(t.Dossiers().FindUnlockedByCode("D1").Value().has_value());
                        return Done{};
                    })
                    .HasValue());
}

}  // namespace
}  // namespace motcua::storage::postgres
