// SqliteSession: the stores' view (sql::Session) of one SQLite connection in a transaction.
#pragma once

#include "storage/sql/statement.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace motcua::storage::sqlite {

class SqliteSession final : public sql::Session {
public:
    SqliteSession(SqliteConnection& connection, bool writable)
        : connection_(connection), writable_(writable) {}
    sql::Statement Prepare(std::string_view sql) override;
    void Exec(std::string_view sql) override { connection_.RunCached(sql); }
    void LockUntilEnd(std::string_view /*name*/) override {}
    sql::Backend GetBackend() const override { return sql::Backend::kSqlite; }
    bool IsWritable() const override { return writable_; }

private:
    SqliteConnection& connection_;
    bool writable_;
};

}  // namespace motcua::storage::sqlite
