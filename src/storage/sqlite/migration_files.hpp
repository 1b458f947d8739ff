// The numbered migration scripts of storage/migrations/, embedded into the binary at build time
// (cmake/embed.cmake), named "0001_catalog.sql" and so on, in ascending order.
#pragma once

#include <string_view>
#include <vector>

namespace motcua::storage::migration_files {

/// Returns the script named `name`, or an empty view.
std::string_view Get(std::string_view name);
/// Returns every script name in ascending order.
std::vector<std::string_view> Names();

}  // namespace motcua::storage::migration_files
