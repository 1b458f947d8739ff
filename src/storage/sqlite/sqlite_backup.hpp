// SQLite files as a whole: an online snapshot of a live database (the backup API), the facts that
// identify a MotCua database, and the claim a restore makes on a file no server may be using.
#pragma once

#include <cstdint>
#include <string>

#include "common/outcome.hpp"

namespace motcua::storage::sqlite {

/// What a MotCua database file holds, read in one snapshot.
struct DatabaseFacts {
    int schema_version = 0;  // Highest applied migration.
    std::int64_t pages = 0;
    std::int64_t page_size = 0;
    std::int64_t dossiers = 0;
    std::int64_t dossier_events = 0;
    std::int64_t accounts = 0;
    std::int64_t agencies = 0;
    std::int64_t audit_rows = 0;
    std::int64_t audit_head_seq = 0;
    std::string audit_head_hash;

    /// Returns true when anything beyond an empty migrated schema is stored.
    bool HoldsData() const {
        return dossiers > 0 || accounts > 0 || agencies > 0 || audit_rows > 0;
    }
};

/// Copies a consistent snapshot of the database at `source` into the new file `destination`
/// (which must not exist) with SQLite's online backup API, `pages_per_step` pages at a time, and
/// fsyncs it. Other connections and processes keep reading and writing meanwhile: the copy reads
/// one WAL snapshot, which never blocks the writer. Returns the snapshot's facts.
Outcome<DatabaseFacts> BackupDatabaseFile(const std::string& source, const std::string& destination,
                                          int pages_per_step);

/// Reads the facts of the MotCua database at `path`; kInvalid "invalid_import" when it is
/// not a SQLite file or has no schema_migrations table.
Outcome<DatabaseFacts> InspectDatabaseFile(const std::string& path);

/// Makes sure no other connection has `path` open (an exclusive lock, tried for `wait_ms`) and
/// folds its WAL into the file, so the file alone holds every commit. kUnavailable
/// when another connection (a running server, a reader) holds it.
Outcome<Done> ClaimDatabaseFile(const std::string& path, int wait_ms);

/// Returns the highest migration version this build applies.
int LatestSchemaVersion();

}  // namespace motcua::storage::sqlite
