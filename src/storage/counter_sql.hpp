// The SQL text both backends build over the counter columns (reporting::CounterFields(), in that
// order), so that a counter added there reaches every statement of both at once. Only the
// placeholders differ between the dialects (SQLite ?n, PostgreSQL $n with a cast).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace motcua::storage {

/// ", <before>column<after>" for every counter column: (", sum(", ")") gives ", sum(a), sum(b)".
std::string CounterColumnList(std::string_view before, std::string_view after);

/// The upsert of one row of `table` that adds the counters to those stored: the three key
/// columns `key` are parameters 1–3, the counters 4… in CounterFields() order; `placeholder(n)`
/// writes parameter n in the backend's dialect.
std::string CounterUpsertSql(std::string_view table, std::string_view key,
                             const std::function<std::string(int)>& placeholder);

}  // namespace motcua::storage
