// PgStatement: one SQL statement with bound parameters ($1, $2, … in binding order) run on a
// libpqxx transaction, plus the small conversions the PostgreSQL stores share. Parameters are
// always sent apart from the SQL text, never spliced into it; a list is sent as one array
// parameter (`= ANY($n::text[])`). libpqxx 6.4 only (STACK-NOTES §3): this file and
// pg_database.cpp are what a libpqxx upgrade touches.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pqxx/pqxx>

namespace motcua::storage::postgres {

class PgStatement {
public:
    PgStatement(pqxx::transaction_base& transaction, std::string sql)
        : transaction_(transaction), sql_(std::move(sql)) {}

    /// Binds the next parameter.
    PgStatement& Bind(std::string_view text);
    PgStatement& Bind(std::int64_t number);
    PgStatement& BindNull();
    /// Binds text, or NULL when `text` is empty.
    PgStatement& BindOrNull(const std::string& text);
    /// Runs the statement and returns its rows.
    pqxx::result Run();

private:
    pqxx::transaction_base& transaction_;
    std::string sql_;
    std::vector<std::optional<std::string>> values_;
};

/// Returns the text of `field`, "" when it is NULL.
std::string Text(const pqxx::field& field);
/// Returns the integer in `field`, 0 when it is NULL.
std::int64_t Int(const pqxx::field& field);

/// Returns a PostgreSQL array literal ({"a","b"}) of `items`, to be bound as one parameter.
std::string TextArray(const std::vector<std::string>& items);
std::string IntArray(const std::vector<int>& items);

/// The current instant as RFC 3339 UTC text with milliseconds, as an SQL expression (the
/// same shape SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') gives).
inline constexpr std::string_view kNowUtc =
    "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

}  // namespace motcua::storage::postgres
