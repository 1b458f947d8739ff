#include "storage/sqlite/sqlite_connection.hpp"

#include "storage/sql/sql_dialect.hpp"

namespace motcua::storage::sqlite {
namespace {

void Check(sqlite3* db, int result) {
    if (result != SQLITE_OK && result != SQLITE_ROW && result != SQLITE_DONE) {
        throw SqliteError(result, db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(result));
    }
}

}  // namespace

SqliteStatement::SqliteStatement(SqliteConnection& connection, std::string_view sql)
    : db_(connection.GetHandle()), cached_(connection.Borrow(sql)) {
    if (cached_ != nullptr) {
        statement_ = cached_->statement;
        return;
    }
    const std::string text = sql::TranslateSql(sql, sql::Backend::kSqlite, false);
    Check(db_, sqlite3_prepare_v2(db_, text.data(), static_cast<int>(text.size()), &statement_,
                                  nullptr));
}

SqliteStatement::~SqliteStatement() {
    if (cached_ == nullptr) {
        sqlite3_finalize(statement_);
        return;
    }
    // Reset ends any read in progress (and its locks); the bindings go with the statement.
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    cached_->in_use = false;
}

SqliteStatement& SqliteStatement::Bind(int index, std::string_view text) {
    // SQLite binds a null pointer as NULL: an empty view without data is still the empty text.
    const char* data = text.data() != nullptr ? text.data() : "";
    Check(db_, sqlite3_bind_text(statement_, index, data, static_cast<int>(text.size()),
                                 SQLITE_TRANSIENT));
    return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, std::int64_t number) {
    Check(db_, sqlite3_bind_int64(statement_, index, number));
    return *this;
}

SqliteStatement& SqliteStatement::BindNull(int index) {
    Check(db_, sqlite3_bind_null(statement_, index));
    return *this;
}

bool SqliteStatement::Step() {
    const int result = sqlite3_step(statement_);
    Check(db_, result);
    return result == SQLITE_ROW;
}

void SqliteStatement::Run() {
    while (Step()) {
    }
}

std::string SqliteStatement::ColumnText(int column) const {
    const auto* text = sqlite3_column_text(statement_, column);
    const int size = sqlite3_column_bytes(statement_, column);
    return text == nullptr
               ? std::string{}
               : std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::int64_t SqliteStatement::ColumnInt(int column) const {
    return sqlite3_column_int64(statement_, column);
}

bool SqliteStatement::IsColumnNull(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

SqliteConnection::SqliteConnection(const std::string& path, OpenMode mode) {
    const int flags = (mode == OpenMode::kReadOnly ? SQLITE_OPEN_READONLY
                                                   : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;
    const int result = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (result != SQLITE_OK) {
        const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(result);
        sqlite3_close(db_);
        db_ = nullptr;
        throw SqliteError(result, "cannot open " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 5000);
    sqlite3_extended_result_codes(db_, 1);
}

SqliteConnection::~SqliteConnection() {
    for (auto& [sql, cached] : cache_) {
        sqlite3_finalize(cached.statement);
    }
    sqlite3_close_v2(db_);
}

CachedStatement* SqliteConnection::Borrow(std::string_view sql) {
    auto found = cache_.find(sql);
    if (found == cache_.end()) {
        if (cache_.size() >= kCacheLimit) {
            return nullptr;
        }
        // Compiled once per connection: the portable text is the key, the SQLite text is what
        // the statement runs.
        const std::string text = sql::TranslateSql(sql, sql::Backend::kSqlite, false);
        sqlite3_stmt* statement = nullptr;
        Check(db_, sqlite3_prepare_v3(db_, text.data(), static_cast<int>(text.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr));
        found = cache_.emplace(std::string(sql), CachedStatement{statement, false}).first;
    }
    if (found->second.in_use) {
        return nullptr;
    }
    found->second.in_use = true;
    return &found->second;
}

void SqliteConnection::Exec(std::string_view sql) {
    char* message = nullptr;
    const std::string text(sql);
    const int result = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (result != SQLITE_OK) {
        std::string error = message != nullptr ? message : sqlite3_errstr(result);
        sqlite3_free(message);
        throw SqliteError(result, error);
    }
}

}  // namespace motcua::storage::sqlite
