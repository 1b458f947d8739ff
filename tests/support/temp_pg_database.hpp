// A fresh PostgreSQL schema per test, dropped with the object: the server is the one libpq's
// environment names (PGHOST, PGPORT, PGUSER, PGDATABASE; scripts/pg_test_server.sh starts one),
// and every connection of the test's PgDatabase has that schema alone on its search_path.
// Available() is false when PGHOST is unset: PostgreSQL tests then skip.
#pragma once

#include <cstdlib>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>

#include <pqxx/pqxx>

#include "storage/postgres/pg_database.hpp"

namespace motcua::testing {

class TempPgDatabase {
public:
    /// Returns whether a PostgreSQL server is configured for the tests.
    static bool Available() {
        const char* host = std::getenv("PGHOST");
        return host != nullptr && *host != '\0';
    }

    explicit TempPgDatabase(int pool_size = 2) : pool_size_(pool_size) {
        std::random_device random;
        schema_ = "motcua_test_" + std::to_string(random()) + "_" + std::to_string(random());
        pqxx::connection admin{""};
        pqxx::nontransaction(admin).exec("CREATE SCHEMA " + schema_);
        Reopen();
    }
    ~TempPgDatabase() {
        database_.reset();
        try {
            pqxx::connection admin{""};
            pqxx::nontransaction(admin).exec("DROP SCHEMA " + schema_ + " CASCADE");
        } catch (const std::exception&) {
            // The server went away: its schemas go with it.
        }
    }
    TempPgDatabase(const TempPgDatabase&) = delete;
    TempPgDatabase& operator=(const TempPgDatabase&) = delete;

    /// Closes and connects again, as a restarted server would.
    void Reopen() {
        database_.reset();
        database_ = OpenAnother(pool_size_);
        auto migrated = database_->Migrate();
        if (!migrated) {
            throw std::runtime_error("migration failed: " + migrated.GetError().detail);
        }
    }
    /// Opens a second database object on the same schema (another server process).
    std::unique_ptr<storage::postgres::PgDatabase> OpenAnother(int pool_size) const {
        return std::make_unique<storage::postgres::PgDatabase>(storage::postgres::PgOptions{
            "application_name=" + schema_ + " options=-csearch_path=" + schema_, pool_size,
            std::string(32, 'k')});
    }
    storage::postgres::PgDatabase& Get() { return *database_; }
    /// The test's schema, also the application_name of its connections.
    const std::string& GetSchema() const { return schema_; }

private:
    int pool_size_;
    std::string schema_;
    std::unique_ptr<storage::postgres::PgDatabase> database_;
};

}  // namespace motcua::testing
