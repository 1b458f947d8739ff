#include "storage/sqlite/sqlite_backup.hpp"

#include <filesystem>
#include <memory>

#include "storage/file_sync.hpp"
#include "storage/sqlite/migration_files.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace motcua::storage::sqlite {
namespace {

Error NotMotcua(const std::string& path, const std::string& why) {
    return MakeError(ErrorKind::kInvalid, "invalid_import", path,
                     path + " is not a MotCua database (" + why + ")");
}

Error Failed(const std::string& path, const std::exception& failure) {
    return MakeError(ErrorKind::kUnavailable, "unavailable", path, failure.what());
}

std::int64_t Count(SqliteConnection& connection, const char* sql) {
    auto statement = connection.Prepare(sql);
    return statement.Step() ? statement.ColumnInt(0) : 0;
}

// Reads the facts inside the connection's current read transaction (or its own).
Outcome<DatabaseFacts> ReadFacts(SqliteConnection& connection, const std::string& path) {
    if (Count(connection,
              "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
              "('schema_migrations', 'dossiers', 'dossier_events', 'accounts', 'agencies', "
              "'audit_log', 'audit_head')") != 7) {
        return NotMotcua(path, "no schema_migrations table or MotCua tables");
    }
    DatabaseFacts facts;
    facts.schema_version = static_cast<int>(
        Count(connection, "SELECT coalesce(max(version), 0) FROM schema_migrations"));
    facts.pages = Count(connection, "PRAGMA page_count");
    facts.page_size = Count(connection, "PRAGMA page_size");
    facts.dossiers = Count(connection, "SELECT count(*) FROM dossiers");
    facts.dossier_events = Count(connection, "SELECT count(*) FROM dossier_events");
    facts.accounts = Count(connection, "SELECT count(*) FROM accounts");
    facts.agencies = Count(connection, "SELECT count(*) FROM agencies");
    facts.audit_rows = Count(connection, "SELECT count(*) FROM audit_log");
    auto head = connection.Prepare("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (head.Step()) {
        facts.audit_head_seq = head.ColumnInt(0);
        facts.audit_head_hash = head.ColumnText(1);
    }
    return facts;
}

}  // namespace

Outcome<DatabaseFacts> BackupDatabaseFile(const std::string& source, const std::string& destination,
                                          int pages_per_step) {
    if (!std::filesystem::is_regular_file(source)) {
        return MakeError(ErrorKind::kNotFound, "not_found", source, source + " does not exist");
    }
    try {
        SqliteConnection from(source, OpenMode::kReadWrite);
        // One read transaction across every step: the copy is this snapshot, and since the
        // source's cache is never reset meanwhile, concurrent commits do not restart the copy.
        // In WAL mode a reader never blocks the writer; the server's checkpoints only wait
        // for it, so the WAL grows by what is written during the copy.
        from.Exec("BEGIN");
        auto facts = ReadFacts(from, source);
        if (!facts) {
            from.Exec("ROLLBACK");
            return facts;
        }
        {
            SqliteConnection to(destination, OpenMode::kReadWrite);
            const std::unique_ptr<sqlite3_backup, int (*)(sqlite3_backup*)> backup(
                sqlite3_backup_init(to.GetHandle(), "main", from.GetHandle(), "main"),
                sqlite3_backup_finish);
            if (!backup) {
                throw SqliteError(sqlite3_errcode(to.GetHandle()), sqlite3_errmsg(to.GetHandle()));
            }
            int result = SQLITE_OK;
            do {
                result = sqlite3_backup_step(backup.get(), pages_per_step);
                if (result == SQLITE_OK || result == SQLITE_BUSY || result == SQLITE_LOCKED) {
                    sqlite3_sleep(1);  // Leaves the disk to the server between steps.
                }
            } while (result == SQLITE_OK || result == SQLITE_BUSY || result == SQLITE_LOCKED);
            if (result != SQLITE_DONE) {
                throw SqliteError(result, std::string("backup: ") + sqlite3_errstr(result));
            }
            facts.Value().pages = sqlite3_backup_pagecount(backup.get());
        }
        from.Exec("ROLLBACK");
        if (!SyncPath(destination)) {
            return MakeError(ErrorKind::kUnavailable, "unavailable", destination,
                             "cannot fsync " + destination);
        }
        return facts;
    } catch (const std::exception& failure) {
        return Failed(source, failure);
    }
}

Outcome<DatabaseFacts> InspectDatabaseFile(const std::string& path) {
    try {
        SqliteConnection connection(path, OpenMode::kReadOnly);
        connection.Exec("BEGIN");
        auto facts = ReadFacts(connection, path);
        connection.Exec("ROLLBACK");
        return facts;
    } catch (const SqliteError& failure) {
        if (failure.GetCode() == SQLITE_NOTADB || failure.GetCode() == SQLITE_CORRUPT) {
            return NotMotcua(path, "not a SQLite database");
        }
        return Failed(path, failure);
    } catch (const std::exception& failure) {
        return Failed(path, failure);
    }
}

Outcome<Done> ClaimDatabaseFile(const std::string& path, int wait_ms) {
    try {
        SqliteConnection connection(path, OpenMode::kReadWrite);
        sqlite3_busy_timeout(connection.GetHandle(), wait_ms);
        // In WAL mode every open connection holds a shared lock on the file, so the exclusive
        // lock of EXCLUSIVE locking mode is granted only when nobody else has it open.
        connection.Exec("PRAGMA locking_mode=EXCLUSIVE");
        try {
            connection.Exec("BEGIN EXCLUSIVE");
        } catch (const SqliteError& failure) {
            if ((failure.GetCode() & 0xff) == SQLITE_BUSY) {
                return MakeError(ErrorKind::kUnavailable, "unavailable", path,
                                 path + " is in use by another process (a running motcua serve?)");
            }
            throw;
        }
        connection.Exec("COMMIT");
        connection.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
        return Done{};
    } catch (const std::exception& failure) {
        return Failed(path, failure);
    }
}

int LatestSchemaVersion() {
    const auto names = migration_files::Names();
    return names.empty() ? 0 : std::stoi(std::string(names.back().substr(0, 4)));
}

}  // namespace motcua::storage::sqlite
