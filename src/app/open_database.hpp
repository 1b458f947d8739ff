// Opening the storage backend the configuration names: the only code that names the concrete
// database classes.
#pragma once

#include <memory>
#include <string>

#include "app/config.hpp"
#include "storage/database.hpp"

namespace motcua::app {

/// Opens the backend of `config.database_kind`: SQLite at its path (creating the folder), or
/// PostgreSQL at its URL when the build has that backend (libpqxx found). Throws
/// std::runtime_error when it cannot be opened.
std::unique_ptr<storage::Database> OpenDatabase(const AppConfig& config,
                                                const std::string& audit_key);

}  // namespace motcua::app
