// The backends the storage contract suite runs against: SQLite always, PostgreSQL when the
// build has it (MOTCUA_WITH_POSTGRES) — skipped when PGHOST is unset. A contract test is a
// TYPED_TEST over StorageBackends whose fixture derives from StorageContract.
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "support/temp_sqlite_database.hpp"
#ifdef MOTCUA_WITH_POSTGRES
#include "support/temp_pg_database.hpp"
#endif

namespace motcua::testing {

struct SqliteBackend {
    static constexpr const char* kName = "sqlite";
    /// Returns why the backend cannot be tested here, or "" once it is open.
    std::string Open() {
        temp = std::make_unique<TempSqliteDatabase>();
        return {};
    }
    storage::Database& Get() { return temp->Get(); }
    void Reopen() { temp->Reopen(); }
    std::unique_ptr<TempSqliteDatabase> temp;
};

#ifdef MOTCUA_WITH_POSTGRES
struct PostgresBackend {
    static constexpr const char* kName = "postgres";
    std::string Open() {
        if (!TempPgDatabase::Available()) {
            return "PGHOST is unset: no PostgreSQL server to test against";
        }
        temp = std::make_unique<TempPgDatabase>();
        return {};
    }
    storage::Database& Get() { return temp->Get(); }
    void Reopen() { temp->Reopen(); }
    std::unique_ptr<TempPgDatabase> temp;
};
using StorageBackends = ::testing::Types<SqliteBackend, PostgresBackend>;
#else
using StorageBackends = ::testing::Types<SqliteBackend>;
#endif

/// Names the typed tests after the backend ("…/sqlite", "…/postgres").
struct BackendName {
    template <typename Backend>
    static std::string GetName(int) {
        return Backend::kName;
    }
};

/// A fresh database of `Backend` per test.
template <typename Backend>
class StorageContract : public ::testing::Test {
protected:
    void SetUp() override {
        if (const std::string reason = backend_.Open(); !reason.empty()) {
            GTEST_SKIP() << reason;
        }
    }
    storage::Database& Db() { return backend_.Get(); }
    void Reopen() { backend_.Reopen(); }

    Backend backend_;
};

}  // namespace motcua::testing
