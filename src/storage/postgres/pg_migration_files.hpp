// The PostgreSQL migration scripts of storage/postgres/migrations/, embedded at build time
// (cmake/embed.cmake) under the same names and numbers as the SQLite ones, in ascending order.
#pragma once

#include <string_view>
#include <vector>

namespace motcua::storage::postgres::migration_files {

/// Returns the script named `name`, or an empty view.
std::string_view Get(std::string_view name);
/// Returns every script name in ascending order.
std::vector<std::string_view> Names();

}  // namespace motcua::storage::postgres::migration_files
