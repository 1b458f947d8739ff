// SqliteConnection and SqliteStatement: a thin RAII layer over the SQLite C API. Statement texts
// are portable SQL (storage/sql/sql_dialect.hpp), translated when they are compiled.
// Failures of the database (I/O error, busy, corrupt) throw SqliteError; the storage layer turns
// them into Outcome errors at its boundary. SQL parameters are always bound, never concatenated.
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

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

class SqliteConnection;

/// A compiled statement kept by its connection, and whether a SqliteStatement has it now.
struct CachedStatement {
    sqlite3_stmt* statement = nullptr;
    bool in_use = false;
};

/// A prepared statement. Statements come from their connection's cache: compiling SQL costs
/// more than running most of these statements, so each text is compiled once per connection and
/// the statement is reset and handed back when this object ends.
class SqliteStatement {
public:
    SqliteStatement(SqliteConnection& connection, std::string_view sql);
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
    // The connection's cache entry it was borrowed from (entries never move), else nullptr: a
    // statement of its own, finalized at the end.
    CachedStatement* cached_ = nullptr;
};

class SqliteConnection {
public:
    SqliteConnection(const std::string& path, OpenMode mode);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    /// Runs one or more statements without parameters (schema, pragmas), compiling them anew.
    void Exec(std::string_view sql);
    /// Runs one statement without parameters through the statement cache: BEGIN, COMMIT and
    /// savepoints, which the writer runs for every job and a reader for every read.
    void RunCached(std::string_view sql) { SqliteStatement(*this, sql).Run(); }
    SqliteStatement Prepare(std::string_view sql) { return {*this, sql}; }
    sqlite3* GetHandle() { return db_; }

private:
    friend class SqliteStatement;
    /// Most distinct statement texts kept compiled (IN lists of varying length make new texts).
    static constexpr std::size_t kCacheLimit = 256;
    /// Lends the cached statement for `sql`, compiling it on first use; nullptr when it is in
    /// use already (a nested use of the same text) or the cache is full.
    CachedStatement* Borrow(std::string_view sql);

    sqlite3* db_ = nullptr;
    /// Looks texts up without copying them into a key.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    std::unordered_map<std::string, CachedStatement, TextHash, std::equal_to<>> cache_;
};

}  // namespace motcua::storage::sqlite
