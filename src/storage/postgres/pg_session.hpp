// PgSession: the stores' view (sql::Session) of one libpqxx transaction. Statements are sent
// with their parameters apart from the SQL text (exec_params), never spliced into it. libpqxx
// 6.4 only: this file and pg_database.cpp are what a libpqxx upgrade touches.
#pragma once

#include "storage/sql/statement.hpp"

namespace pqxx {
class transaction_base;
}

namespace motcua::storage::postgres {

class PgSession final : public sql::Session {
public:
    /// `writable`: a Database::Write (rows read to be changed are locked), not a Read.
    PgSession(pqxx::transaction_base& transaction, bool writable)
        : transaction_(transaction), writable_(writable) {}
    sql::Statement Prepare(std::string_view sql) override;
    void Exec(std::string_view sql) override;
    void LockUntilEnd(std::string_view name) override;
    sql::Backend GetBackend() const override { return sql::Backend::kPostgres; }
    bool IsWritable() const override { return writable_; }

private:
    pqxx::transaction_base& transaction_;
    bool writable_;
};

}  // namespace motcua::storage::postgres
