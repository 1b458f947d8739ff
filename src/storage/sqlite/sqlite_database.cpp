#include "storage/sqlite/sqlite_database.hpp"

#include <future>

#include <spdlog/spdlog.h>

#include "storage/catalog_reader.hpp"
#include "storage/sql/sql_transaction.hpp"
#include "storage/sqlite/migration_files.hpp"
#include "storage/sqlite/sqlite_session.hpp"

namespace motcua::storage::sqlite {

struct SqliteDatabase::WriteJob {
    std::function<Outcome<Done>(SqliteConnection&)> run;
    std::promise<Outcome<Done>> done;
};

Error StorageUnavailable(const std::exception& failure) {
    spdlog::error("storage failure: {}", failure.what());
    return MakeError(ErrorKind::kUnavailable, "unavailable", {}, failure.what());
}

SqliteDatabase::SqliteDatabase(SqliteOptions options) : options_(std::move(options)) {
    writer_connection_ = std::make_unique<SqliteConnection>(options_.path, OpenMode::kReadWrite);
    // WAL lets readers run beside the writer; synchronous=FULL makes each commit durable
    // (fsync of the WAL) before it returns (docs/architecture.md §3). The group commit runs each
    // job in a savepoint, whose sub-journal SQLite keeps in a temporary file by default: a third of
    // a reception's time went to pwrite into it. temp_store=MEMORY keeps it in memory (it only
    // serves to roll back one job; durability is the WAL's), and a 32 MB cache keeps a large
    // batch's dirty pages from spilling to the WAL before its commit.
    writer_connection_->Exec(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
        "PRAGMA busy_timeout=5000; PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;");
    catalog_ = std::make_unique<CatalogReader>(*this);
    writer_ = std::thread([this] { RunWriter(); });
}

SqliteDatabase::~SqliteDatabase() { Close(); }

void SqliteDatabase::Close() {
    {
        const std::lock_guard lock(queue_mutex_);
        if (closing_) {
            return;
        }
        closing_ = true;
    }
    queue_ready_.notify_all();
    if (writer_.joinable()) {
        writer_.join();  // The writer drains every queued job before it stops.
    }
    const std::lock_guard lock(readers_mutex_);
    free_readers_.clear();
}

Outcome<Done> SqliteDatabase::RunWrite(std::function<Outcome<Done>(SqliteConnection&)> job) {
    auto entry = std::make_shared<WriteJob>();
    entry->run = std::move(job);
    auto result = entry->done.get_future();
    {
        const std::lock_guard lock(queue_mutex_);
        if (closing_) {
            return MakeError(ErrorKind::kUnavailable, "shutting_down");
        }
        queue_.push_back(entry);
    }
    queue_ready_.notify_one();
    return result.get();
}

void SqliteDatabase::RunWriter() {
    std::vector<std::shared_ptr<WriteJob>> batch;
    for (;;) {
        {
            std::unique_lock lock(queue_mutex_);
            queue_ready_.wait(lock, [this] { return closing_ || !queue_.empty(); });
            if (queue_.empty()) {
                return;  // Closing and drained.
            }
            while (!queue_.empty() && static_cast<int>(batch.size()) < options_.max_batch) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        CommitBatch(batch);
        batch.clear();
    }
}

void SqliteDatabase::CommitBatch(std::vector<std::shared_ptr<WriteJob>>& batch) {
    std::vector<Outcome<Done>> results;
    results.reserve(batch.size());
    auto& connection = *writer_connection_;
    try {
        connection.RunCached("BEGIN IMMEDIATE");
        for (auto& job : batch) {
            connection.RunCached("SAVEPOINT job");
            Outcome<Done> result = MakeError(ErrorKind::kUnavailable, "unavailable");
            try {
                result = job->run(connection);
            } catch (const std::exception& failure) {
                result = StorageUnavailable(failure);
            }
            if (!result) {
                connection.RunCached("ROLLBACK TO job");
            }
            connection.RunCached("RELEASE job");
            results.push_back(std::move(result));
        }
        connection.RunCached("COMMIT");
    } catch (const std::exception& failure) {
        // The commit (or the transaction around the jobs) failed: nothing of the batch is
        // durable, so every job fails.
        try {
            connection.Exec("ROLLBACK");
        } catch (const std::exception&) {
            // Already rolled back by SQLite.
        }
        const Error error = StorageUnavailable(failure);
        for (auto& job : batch) {
            job->done.set_value(error);
        }
        return;
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        batch[i]->done.set_value(std::move(results[i]));
    }
}

SqliteDatabase::ReaderLease SqliteDatabase::AcquireReader() {
    std::unique_lock lock(readers_mutex_);
    if (free_readers_.empty() && readers_created_ < options_.reader_count) {
        ++readers_created_;
        lock.unlock();
        try {
            return {*this, std::make_unique<SqliteConnection>(options_.path, OpenMode::kReadOnly)};
        } catch (...) {
            const std::lock_guard relock(readers_mutex_);
            --readers_created_;
            throw;
        }
    }
    reader_free_.wait(lock, [this] { return !free_readers_.empty(); });
    auto connection = std::move(free_readers_.back());
    free_readers_.pop_back();
    return {*this, std::move(connection)};
}

SqliteDatabase::ReaderLease::~ReaderLease() {
    {
        const std::lock_guard lock(owner_.readers_mutex_);
        owner_.free_readers_.push_back(std::move(connection_));
    }
    owner_.reader_free_.notify_one();
}

Outcome<MigrationReport> SqliteDatabase::Migrate() {
    MigrationReport report;
    for (const auto name : migration_files::Names()) {
        const int version = std::stoi(std::string(name.substr(0, 4)));
        auto outcome = RunWrite([&](SqliteConnection& connection) -> Outcome<Done> {
            connection.Exec(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)");
            auto check = connection.Prepare("SELECT 1 FROM schema_migrations WHERE version = ?1");
            check.Bind(1, std::int64_t{version});
            if (check.Step()) {
                return Done{};
            }
            connection.Exec(migration_files::Get(name));
            auto record =
                connection.Prepare("INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)");
            record.Bind(1, std::int64_t{version}).Bind(2, name).Run();
            ++report.applied;
            return Done{};
        });
        if (!outcome) {
            return outcome.GetError();
        }
        report.current_version = version;
    }
    return report;
}

CatalogRepository& SqliteDatabase::Catalog() { return *catalog_; }

Outcome<Done> SqliteDatabase::Write(const std::function<Outcome<Done>(Transaction&)>& work) {
    return RunWrite([&](SqliteConnection& connection) -> Outcome<Done> {
        SqliteSession session(connection, true);
        sql::SqlTransaction transaction(session, options_.audit_key);
        MOTCUA_RETURN_IF_ERROR(work(transaction));
        return transaction.BeforeCommit();
    });
}

Outcome<Done> SqliteDatabase::Read(const std::function<Outcome<Done>(Transaction&)>& work) {
    return RunRead<Done>([&](SqliteConnection& connection) -> Outcome<Done> {
        // One snapshot for everything `work` reads.
        connection.RunCached("BEGIN");
        SqliteSession session(connection, false);
        sql::SqlTransaction transaction(session, options_.audit_key);
        Outcome<Done> result = Done{};
        try {
            result = work(transaction);
        } catch (...) {
            connection.Exec("ROLLBACK");
            throw;
        }
        connection.RunCached("ROLLBACK");
        return result;
    });
}

}  // namespace motcua::storage::sqlite
