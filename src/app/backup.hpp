// `motcua backup` and `motcua restore` for the SQLite backend (docs/OPERATIONS.md, "Backup and
// restore"). A backup is a folder: `motcua.db`, an online snapshot of the database that a running
// server keeps writing beside, `files/`, the stored files it refers to, and `manifest.txt`. It
// holds no audit chain key: the key is kept apart from database copies (docs/security.md), and a
// restore asks for it. A restore installs a backup into the configured data directory only when
// no server uses it, after migrating the copy and verifying its audit chain with that key. On
// PostgreSQL both commands print the pg_dump / pg_restore commands to use and exit 2.
#pragma once

#include <string>

#include "app/config.hpp"

namespace motcua::app {

/// `motcua backup` arguments.
struct BackupSpec {
    std::string output;  // A new (or empty) folder.
};

/// `motcua restore` arguments.
struct RestoreSpec {
    std::string input;      // A backup folder, or a lone database file.
    std::string audit_key;  // The installation's audit-chain.key; empty: the data dir's own.
    bool force = false;     // Replace a database that holds data (kept aside) and a key.
};

/// Writes a backup folder; prints what it copied. Returns 0, 1 on failure, 2 on PostgreSQL.
int RunBackup(const AppConfig& config, const BackupSpec& spec);
/// Restores a backup into `config`'s database and data directory; prints the audit head.
/// Returns 0, 1 when refused or failed (nothing installed), 2 on PostgreSQL.
int RunRestore(const AppConfig& config, const RestoreSpec& spec);

}  // namespace motcua::app
