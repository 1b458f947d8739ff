// The SQL dialect of a backend, and the portable SQL every store is written in once.
//
// Portable SQL is the SQL that SQLite and PostgreSQL share, plus a few marks that each backend
// writes its own way when the statement is prepared (TranslateSql):
//   ?N          the N-th parameter (SQLite ?N, PostgreSQL $N); one number may stand twice.
//   ?N::type    the same, typed where PostgreSQL cannot infer the type from the context
//               (?1::bigint = 0): PostgreSQL $N::type; SQLite, which has no casts of that
//               form and needs none, ?N.
//   {now}       the current instant as RFC 3339 UTC text with milliseconds.
//   {greatest}  the larger of two values (SQLite's two-argument max, PostgreSQL's greatest).
//   {for_update}, {for_update_skip_locked}
//               the row locks of a writing PostgreSQL transaction; nothing in a read
//               transaction or on SQLite, whose one writer holds the whole database.
//   {indexed_by NAME}
//               SQLite's planner hint "INDEXED BY NAME" (it keeps no statistics); nothing on
//               PostgreSQL, whose planner has them.
// Marks inside '…' literals are left as they are.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::storage::sql {

enum class Backend { kSqlite, kPostgres };

/// Writes the portable `sql` in the dialect of `backend`; `writable`: the statement runs in a
/// writing transaction (row locks apply).
std::string TranslateSql(std::string_view sql, Backend backend, bool writable);

/// Returns `count` numbered parameters from `first` on, for an IN list: "?5, ?6, ?7".
std::string Placeholders(int first, std::size_t count);

/// A PostgreSQL array literal ({"a","b"} / {1,2}) of `items`, bound as one parameter.
std::string TextArray(const std::vector<std::string>& items);
std::string IntArray(const std::vector<int>& items);

}  // namespace motcua::storage::sql
