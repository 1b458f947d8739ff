// SqliteConnection and SqliteStatement: a thin RAII layer over the SQLite C API.
// Failures of the database (I/O error, busy, corrupt) throw SqliteError; the storage layer turns
// them into Outcome errors at its boundary. SQL parameters are always bound, never concatenated.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace motcua::storage::sqlite {

class SqliteError : public std::runtime_error {
public:
    SqliteError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
    int GetCode() const { return code_; }

private:
    int code_;
};

enum class OpenMode { kReadWrite, kReadOnly };

class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, std::string_view sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    /// Binds a value to the 1-based parameter `index`.
    SqliteStatement& Bind(int index, std::string_view text);
    SqliteStatement& Bind(int index, std::int64_t number);
    SqliteStatement& BindNull(int index);
    /// Advances to the next row; returns false when the statement is done.
    bool Step();
    /// Runs a statement that returns no rows.
    void Run();
    std::string ColumnText(int column) const;
    std::int64_t ColumnInt(int column) const;
    bool IsColumnNull(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
};

class SqliteConnection {
public:
    SqliteConnection(const std::string& path, OpenMode mode);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    /// Runs one or more statements without parameters (schema, pragmas, BEGIN/COMMIT).
    void Exec(std::string_view sql);
    SqliteStatement Prepare(std::string_view sql) { return SqliteStatement(db_, sql); }
    sqlite3* GetHandle() { return db_; }

private:
    sqlite3* db_ = nullptr;
};

/// Returns `text` with LIKE's wildcards escaped by '\\', for use with ESCAPE '\\'.
std::string EscapeLike(std::string_view text);

/// Returns `count` numbered parameters from `first` on, for an IN list: "?5, ?6, ?7".
std::string NumberedPlaceholders(int first, std::size_t count);

}  // namespace motcua::storage::sqlite
