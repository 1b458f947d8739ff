#include "app/open_database.hpp"

#include <filesystem>
#include <stdexcept>

#include "storage/sqlite/sqlite_database.hpp"
#ifdef MOTCUA_WITH_POSTGRES
#include "storage/postgres/pg_database.hpp"
#endif

namespace motcua::app {

std::unique_ptr<storage::Database> OpenDatabase(const AppConfig& config,
                                                const std::string& audit_key) {
    switch (config.database_kind) {
        case DatabaseKind::kSqlite: {
            const std::string sqlite_path = config.GetSqlitePath().value_or("");
            std::error_code error;
            const auto parent = std::filesystem::path(sqlite_path).parent_path();
            if (!parent.empty()) {
                std::filesystem::create_directories(parent, error);
            }
            return std::make_unique<storage::sqlite::SqliteDatabase>(
                storage::sqlite::SqliteOptions{sqlite_path, config.sqlite_readers, 256, audit_key});
        }
        case DatabaseKind::kPostgres:
#ifdef MOTCUA_WITH_POSTGRES
            return std::make_unique<storage::postgres::PgDatabase>(storage::postgres::PgOptions{
                config.database, config.postgres_pool_size, audit_key});
#else
            throw std::runtime_error(
                "this build has no PostgreSQL backend (libpqxx-dev was not found when it was "
                "built)");
#endif
    }
    throw std::runtime_error("unknown database kind");
}

}  // namespace motcua::app
