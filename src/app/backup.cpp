#include "app/backup.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include <fmt/format.h>
#include <sys/stat.h>

#include "app/app.hpp"
#include "app/audit_verification.hpp"
#include "storage/audit_anchor_file.hpp"
#include "storage/file_store.hpp"
#include "storage/file_sync.hpp"
#include "storage/sqlite/sqlite_backup.hpp"
#ifdef MOTCUA_WITH_POSTGRES
#include "storage/postgres/pg_database.hpp"
#endif

namespace motcua::app {
namespace {

namespace fs = std::filesystem;
using storage::SyncPath;
using storage::sqlite::DatabaseFacts;

constexpr int kPagesPerStep = 1024;
constexpr int kClaimWaitMs = 1000;
constexpr const char* kKeyName = "audit-chain.key";

struct TreeCopy {
    int copied = 0;
    int present = 0;
    std::uintmax_t bytes = 0;
};

int Fail(std::string_view command, const std::string& message) {
    fmt::print(stderr, "motcua: {}: {}\n", command, message);
    return 1;
}

std::string UtcStamp() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    ::gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &parts);
    return text;
}

std::string DatabaseUrlForShell(const AppConfig& config) {
#ifdef MOTCUA_WITH_POSTGRES
    return "'" + storage::postgres::RedactConninfo(config.database) + "'";
#else
    (void)config;
    return "\"$DATABASE_URL\"";
#endif
}

// Copies the content-addressed files under `from` (`ab/cd/<sha256>`) into `to`, each through a
// temporary name, fsynced, skipping those already there. Temporary files of uploads in progress
// are not content-addressed names and are left out.
TreeCopy CopyFileTree(const fs::path& from, const fs::path& to) {
    TreeCopy result;
    if (!fs::is_directory(from)) {
        return result;
    }
    std::set<fs::path> folders;
    for (const auto& entry : fs::recursive_directory_iterator(from)) {
        if (!entry.is_regular_file() || !storage::IsSha256Hex(entry.path().filename().string())) {
            continue;
        }
        const fs::path target = to / fs::relative(entry.path(), from);
        if (fs::exists(target) && fs::file_size(target) == entry.file_size()) {
            ++result.present;
            continue;
        }
        fs::create_directories(target.parent_path());
        const fs::path temporary = target.string() + ".partial";
        fs::copy_file(entry.path(), temporary, fs::copy_options::overwrite_existing);
        if (!SyncPath(temporary)) {
            throw fs::filesystem_error("cannot fsync", temporary,
                                       std::error_code(errno, std::generic_category()));
        }
        fs::rename(temporary, target);
        for (fs::path folder = target.parent_path(); folder != to.parent_path();
             folder = folder.parent_path()) {
            folders.insert(folder);
        }
        ++result.copied;
        result.bytes += entry.file_size();
    }
    for (const auto& folder : folders) {
        SyncPath(folder);
    }
    return result;
}

std::string DescribeFacts(const DatabaseFacts& facts) {
    return fmt::format(
        "schema version {}: {} dossiers, {} dossier events, {} accounts, {} audit rows "
        "(head {} {})",
        facts.schema_version, facts.dossiers, facts.dossier_events, facts.accounts,
        facts.audit_rows, facts.audit_head_seq, facts.audit_head_hash);
}

bool IsSqliteFile(const fs::path& path) {
    std::ifstream input(path, std::ios::binary);
    char header[16] = {};
    input.read(header, sizeof header);
    return input.gcount() == sizeof header &&
           std::string_view(header, 16) == std::string_view("SQLite format 3\0", 16);
}

std::string ReadKey(const fs::path& path) {
    std::ifstream input(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>()};
}

}  // namespace

int RunBackup(const AppConfig& config, const BackupSpec& spec) {
    const auto database = config.GetSqlitePath();
    if (!database) {
        fmt::print(stderr,
                   "motcua backup works on SQLite only. On PostgreSQL use pg_dump:\n"
                   "  pg_dump --format=custom --file=motcua-$(date +%F).dump {}\n"
                   "and copy {}/files; keep {}/{} apart from the dumps (docs/OPERATIONS.md).\n",
                   DatabaseUrlForShell(config), config.data_dir, config.data_dir, kKeyName);
        return 2;
    }
    const fs::path output = fs::absolute(spec.output).lexically_normal();
    if (spec.output.empty() || output.filename().empty()) {
        return Fail("backup", "--output must name a new folder");
    }
    if (fs::exists(output) && (!fs::is_directory(output) || !fs::is_empty(output))) {
        return Fail("backup", output.string() + " already exists; name a new folder, e.g. " +
                                  "backup-$(date +%Y%m%dT%H%M)");
    }
    const fs::path staging = output.parent_path() / ("." + output.filename().string() +
                                                     ".partial-" + std::to_string(::getpid()));
    try {
        fs::create_directories(staging / "files");
        auto facts = storage::sqlite::BackupDatabaseFile(
            *database, (staging / "motcua.db").string(), kPagesPerStep);
        if (!facts) {
            fs::remove_all(staging);
            return Fail("backup", facts.GetError().detail);
        }
        // After the snapshot: a file is stored before the record that names it commits, so
        // every file the snapshot names is already in the folder.
        const TreeCopy files = CopyFileTree(fs::path(config.data_dir) / "files", staging / "files");
        const auto& f = facts.Value();
        {
            std::ofstream manifest(staging / "manifest.txt", std::ios::trunc);
            manifest << "MotCua backup, " << UtcStamp() << "\nsource: sqlite:" << *database
                     << "\ndatabase: motcua.db, " << f.pages << " pages of " << f.page_size
                     << " bytes, " << DescribeFacts(f) << "\nfiles: files/, " << files.copied
                     << " files, " << files.bytes << " bytes\n"
                     << "not included: " << kKeyName << " (restore --audit-key FILE asks for it)\n";
        }
        SyncPath(staging / "manifest.txt");
        SyncPath(staging / "files");
        SyncPath(staging);
        fs::rename(staging, output);
        SyncPath(output.parent_path());
        fmt::print("backup written to {}\n", output.string());
        fmt::print("  motcua.db: {} pages of {} bytes, {}\n", f.pages, f.page_size,
                   DescribeFacts(f));
        fmt::print("  files/: {} files, {} bytes\n", files.copied, files.bytes);
        fmt::print(
            "Not included: the audit chain key {}. Keep one copy of it apart from the backups "
            "(docs/security.md); restore needs it. Copy this folder off the machine.\n",
            (fs::path(config.data_dir) / kKeyName).string());
        return 0;
    } catch (const std::exception& failure) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        return Fail("backup", failure.what());
    }
}

int RunRestore(const AppConfig& config, const RestoreSpec& spec) {
    const auto database = config.GetSqlitePath();
    if (!database) {
        fmt::print(stderr,
                   "motcua restore works on SQLite only. On PostgreSQL, with every motcua process "
                   "stopped:\n"
                   "  pg_restore --clean --if-exists --no-owner --dbname={} FILE.dump\n"
                   "then restore {}/files, put the installation's {} in place, and run "
                   "`motcua migrate` and `motcua audit verify`.\n",
                   DatabaseUrlForShell(config), config.data_dir, kKeyName);
        return 2;
    }
    const fs::path input(spec.input);
    const fs::path input_db = fs::is_directory(input) ? input / "motcua.db" : input;
    const fs::path target = fs::absolute(*database).lexically_normal();
    const fs::path key_path = fs::path(config.data_dir) / kKeyName;
    if (!fs::is_regular_file(input_db)) {
        return Fail("restore", "cannot read " + input_db.string());
    }
    if (!IsSqliteFile(input_db)) {
        return Fail("restore", input_db.string() + " is not a MotCua backup (not a SQLite file)");
    }
    if (fs::exists(target)) {
        if (auto claimed = storage::sqlite::ClaimDatabaseFile(target.string(), kClaimWaitMs);
            !claimed) {
            return Fail("restore", "refused: " + claimed.GetError().detail +
                                       "; stop the server before restoring");
        }
        auto current = storage::sqlite::InspectDatabaseFile(target.string());
        if ((!current || current.Value().HoldsData()) && !spec.force) {
            return Fail("restore",
                        "refused: " + target.string() + " already holds data" +
                            (current ? " (" + DescribeFacts(current.Value()) + ")" : "") +
                            "; pass --force to replace it (it is kept beside, renamed)");
        }
    }
    std::string key;
    if (!spec.audit_key.empty()) {
        key = ReadKey(spec.audit_key);
        if (fs::exists(key_path) && ReadKey(key_path) != key && !spec.force) {
            return Fail("restore",
                        key_path.string() + " holds a different key; pass --force to replace it");
        }
    } else if (fs::exists(key_path)) {
        key = ReadKey(key_path);
    } else {
        return Fail("restore",
                    "the backup's audit chain key is needed: pass --audit-key FILE "
                    "(the installation's " +
                        std::string(kKeyName) + ")");
    }
    if (key.size() != 32) {
        return Fail("restore", "the audit chain key must hold exactly 32 bytes");
    }

    // The copy is checked, migrated and verified beside the target, then renamed into place.
    const fs::path staging =
        target.parent_path() / (".motcua-restore-" + std::to_string(::getpid()));
    const fs::path staged_db = staging / "motcua.db";
    try {
        fs::create_directories(staging);
        fs::copy_file(input_db, staged_db);
        if (fs::exists(input_db.string() + "-wal")) {
            fs::copy_file(input_db.string() + "-wal", staged_db.string() + "-wal");
        }
        {
            std::ofstream out(staging / kKeyName, std::ios::binary);
            out << key;
        }
        fs::permissions(staging / kKeyName, fs::perms::owner_read | fs::perms::owner_write);
        auto facts = storage::sqlite::InspectDatabaseFile(staged_db.string());
        if (!facts) {
            fs::remove_all(staging);
            return Fail("restore", input_db.string() + " is not a MotCua backup (" +
                                       (facts.GetError().code == "invalid_import"
                                            ? "no schema_migrations table"
                                            : facts.GetError().detail) +
                                       ")");
        }
        if (facts.Value().schema_version > storage::sqlite::LatestSchemaVersion()) {
            fs::remove_all(staging);
            return Fail("restore", fmt::format("the backup has schema version {}, newer than this "
                                               "motcua's {}; restore it with a newer motcua",
                                               facts.Value().schema_version,
                                               storage::sqlite::LatestSchemaVersion()));
        }
        AppConfig staged = config;
        staged.data_dir = staging.string();
        staged.database = "sqlite:" + staged_db.string();
        staged.database_kind = DatabaseKind::kSqlite;
        int verified = 1;
        {
            App app(staged);  // Opening migrates; then the chain is checked with the key.
            verified = VerifyAuditLog(app);
        }
        if (verified != 0) {
            fs::remove_all(staging);
            return Fail("restore",
                        "refused: the backup's audit chain does not verify with this "
                        "key (is it the key of the installation backed up?)");
        }
        if (auto folded = storage::sqlite::ClaimDatabaseFile(staged_db.string(), kClaimWaitMs);
            !folded) {
            fs::remove_all(staging);
            return Fail("restore", folded.GetError().detail);
        }
        SyncPath(staged_db);
        auto restored = storage::sqlite::InspectDatabaseFile(staged_db.string());
        if (fs::exists(target)) {
            if (auto claimed = storage::sqlite::ClaimDatabaseFile(target.string(), kClaimWaitMs);
                !claimed) {
                fs::remove_all(staging);
                return Fail("restore", "refused: " + claimed.GetError().detail);
            }
            const fs::path aside = target.string() + ".before-restore-" + UtcStamp();
            fs::rename(target, aside);
            for (const char* suffix : {"-wal", "-shm"}) {
                fs::remove(target.string() + suffix);
            }
            fmt::print("the previous database is kept as {}\n", aside.string());
            // The anchors name the rows of the replaced log: kept beside it, and the restored
            // log starts anchoring afresh (a restore is a deliberate rollback).
            const fs::path anchors = fs::path(config.data_dir) / storage::kAuditAnchorFileName;
            if (fs::exists(anchors)) {
                const fs::path anchors_aside =
                    fs::path(config.data_dir) /
                    ("audit-anchors.before-restore-" + UtcStamp() + ".log");
                fs::rename(anchors, anchors_aside);
                fmt::print("its audit anchors are kept as {}\n", anchors_aside.string());
            }
        }
        fs::rename(staged_db, target);
        SyncPath(target.parent_path());
        if (!spec.audit_key.empty()) {
            fs::create_directories(config.data_dir);
            fs::copy_file(staging / kKeyName, key_path, fs::copy_options::overwrite_existing);
            SyncPath(key_path);
            SyncPath(config.data_dir);
        }
        fs::remove_all(staging);
        const TreeCopy files =
            fs::is_directory(input)
                ? CopyFileTree(input / "files", fs::path(config.data_dir) / "files")
                : TreeCopy{};
        fmt::print("restored {} into {}: {}\n", input.string(), target.string(),
                   restored ? DescribeFacts(restored.Value()) : "");
        fmt::print("files: {} copied ({} bytes), {} already present\n", files.copied, files.bytes,
                   files.present);
        return 0;
    } catch (const std::exception& failure) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        return Fail("restore", failure.what());
    }
}

}  // namespace motcua::app
