// App: the composition root — the only code that names concrete classes (SqliteDatabase,
// SystemClock, HttpServer). Each CLI command is one method returning the process exit code.
#pragma once

#include <memory>
#include <string>

#include "app/config.hpp"
#include "common/clock.hpp"
#include "common/messages.hpp"
#include "storage/database.hpp"

namespace motcua::app {

enum class ImportKind { kAgencies, kProcedures };

class App {
public:
    explicit App(AppConfig config);
    ~App();

    /// Serves HTTP until SIGINT/SIGTERM; exits 0 after a graceful shutdown.
    int Serve();
    /// Applies pending migrations.
    int Migrate();
    /// Imports a reference-data file (docs/import-format.md).
    int Import(ImportKind kind, const std::string& file);
    /// Creates (or refreshes) the demo province: agencies and the procedure catalogue.
    int Demo();

private:
    /// Opens the database and migrates it; prints the reason and returns false on failure.
    bool Open();

    AppConfig config_;
    SystemClock clock_;
    MessageCatalog messages_;
    std::unique_ptr<storage::Database> database_;
};

}  // namespace motcua::app
