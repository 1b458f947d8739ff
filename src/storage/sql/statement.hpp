// Statement and Session: what a store needs of a database connection, written once for both
// backends. A Session is the connection of one transaction; it prepares portable SQL
// (sql_dialect.hpp) into a Statement, which binds numbered parameters, steps through rows and
// reads columns. Parameters are always bound, never spliced into the SQL text. Failures of the
// database throw (std::exception); the backend's transaction runner turns them into Outcome
// errors at its boundary.
//   auto select = session.Prepare("SELECT id, doc FROM dossiers WHERE code = ?1");
//   select.Bind(1, code);
//   while (select.Step()) { use(select.ColumnInt(0), select.ColumnText(1)); }
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "storage/sql/sql_dialect.hpp"

namespace motcua::storage::sql {

/// What a backend implements for one prepared statement.
class StatementImpl {
public:
    virtual ~StatementImpl() = default;
    virtual void Bind(int index, std::string_view text) = 0;
    virtual void Bind(int index, std::int64_t number) = 0;
    virtual void BindNull(int index) = 0;
    /// Runs the statement on the first call; moves to the next row; false when there is none.
    virtual bool Step() = 0;
    /// Runs the statement to its end (rows are dropped).
    virtual void Run() = 0;
    /// Rows inserted, updated or deleted by the statement, once it has run.
    virtual std::int64_t Changes() const = 0;
    virtual std::string ColumnText(int column) const = 0;
    virtual std::int64_t ColumnInt(int column) const = 0;
    virtual bool IsColumnNull(int column) const = 0;
};

/// A prepared statement. Parameters are 1-based (?1 is index 1), columns 0-based.
class Statement {
public:
    explicit Statement(std::unique_ptr<StatementImpl> impl) : impl_(std::move(impl)) {}

    Statement& Bind(int index, std::string_view text) {
        impl_->Bind(index, text);
        return *this;
    }
    Statement& Bind(int index, std::int64_t number) {
        impl_->Bind(index, number);
        return *this;
    }
    Statement& BindNull(int index) {
        impl_->BindNull(index);
        return *this;
    }
    /// Binds `text`, or NULL when it is empty.
    Statement& BindOrNull(int index, std::string_view text) {
        return text.empty() ? BindNull(index) : Bind(index, text);
    }
    bool Step() { return impl_->Step(); }
    void Run() { impl_->Run(); }
    std::int64_t Changes() const { return impl_->Changes(); }
    std::string ColumnText(int column) const { return impl_->ColumnText(column); }
    std::int64_t ColumnInt(int column) const { return impl_->ColumnInt(column); }
    bool IsColumnNull(int column) const { return impl_->IsColumnNull(column); }

private:
    std::unique_ptr<StatementImpl> impl_;
};

/// The connection of one transaction, as the stores see it.
class Session {
public:
    virtual ~Session() = default;
    /// Prepares the portable `sql` (translated for the backend, compiled or cached).
    virtual Statement Prepare(std::string_view sql) = 0;
    /// Runs statements without parameters (savepoints).
    virtual void Exec(std::string_view sql) = 0;
    /// Holds a lock named `name` until the transaction ends, across connections and processes
    /// (PostgreSQL: an advisory lock); nothing on SQLite, whose one writer holds the database.
    virtual void LockUntilEnd(std::string_view name) = 0;
    virtual Backend GetBackend() const = 0;
    /// True in a writing transaction.
    virtual bool IsWritable() const = 0;
};

}  // namespace motcua::storage::sql
