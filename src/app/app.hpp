// App: the composition root — the only code that names concrete classes (SqliteDatabase,
// SystemClock, HttpServer). Each CLI command is one method returning the process exit code.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/backup_command.hpp"
#include "app/config.hpp"
#include "app/report_command.hpp"
#include "common/clock.hpp"
#include "common/messages.hpp"
#include "storage/database.hpp"

namespace motcua::app {

enum class ImportKind { kAgencies, kProcedures, kDossiers };

/// `motcua user add` arguments.
struct UserSpec {
    std::string kind = "officer";
    std::string login;
    std::string name;
    std::string agency;
    std::string title;
    std::string email;
    std::string phone;
    std::vector<std::string> roles;  // "role" or "role@AGENCY".
    bool password_from_stdin = false;
};

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
    /// Creates (or refreshes) the demo province: agencies, the catalogue, demo accounts.
    int Demo();
    int UserAdd(const UserSpec& spec);
    int UserSetDisabled(const std::string& login, bool disabled);
    /// Reads the new password from standard input, or generates and prints one.
    int UserSetPassword(const std::string& login, bool from_stdin);
    int UserGrant(const std::string& login, const std::string& role_at_agency, bool grant);
    /// Verifies the audit log's hash chain; exits 1 naming the first broken row.
    int AuditVerify();
    /// Rebuilds the indicator counters from the dossier events.
    int RecomputeIndicators();
    /// Writes the monthly report (report_command.hpp).
    int ReportMonthly(const ReportSpec& spec);
    /// Writes a backup folder of the SQLite database and files (backup_command.hpp).
    int Backup(const BackupSpec& spec);
    /// Restores a backup into the configured data directory (backup_command.hpp).
    int Restore(const RestoreSpec& spec);
    /// Prints every HTTP route, one "METHOD PATTERN" a line.
    int PrintRoutes();

private:
    struct Services;
    /// Opens the database, migrates it and builds the services; prints the reason on failure.
    bool Open();

    AppConfig config_;
    SystemClock clock_;
    MessageCatalog messages_;
    std::string audit_key_;
    std::unique_ptr<storage::Database> database_;
    std::unique_ptr<Services> services_;
};

}  // namespace motcua::app
