// SqliteDatabase: the embedded backend. One writer thread owns the only writing connection and
// commits queued write jobs in batches (group commit): each job runs in its own savepoint, the
// batch commits once with synchronous=FULL, and only then does each caller get its answer — so a
// success is never returned for a write that is not durable. Reads use a pool of read-only
// connections, which WAL mode lets run beside the writer.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/database.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace motcua::storage::sqlite {

struct SqliteOptions {
    std::string path;
    int reader_count = 4;
    int max_batch = 256;    // Write jobs committed together at most.
    std::string audit_key;  // 32 bytes keying the audit hash chain (kept outside the database).
};

class SqliteDatabase final : public Database {
public:
    /// Opens (creating if needed) the database file; throws SqliteError if it cannot.
    explicit SqliteDatabase(SqliteOptions options);
    ~SqliteDatabase() override;

    Outcome<MigrationReport> Migrate() override;
    CatalogRepository& Catalog() override;
    Outcome<Done> Write(const std::function<Outcome<Done>(Transaction&)>& work) override;
    Outcome<Done> Read(const std::function<Outcome<Done>(Transaction&)>& work) override;
    std::string Describe() const override { return "sqlite:" + options_.path; }
    void Close() override;

    /// Runs `job` on the writer connection inside the next group-committed transaction.
    /// A job that returns an error (or throws) is rolled back alone; the others still commit.
    /// Returns after the commit is durable, with the job's error if it failed.
    Outcome<Done> RunWrite(std::function<Outcome<Done>(SqliteConnection&)> job);
    /// Runs `job` on a pooled read-only connection.
    template <typename T>
    Outcome<T> RunRead(const std::function<Outcome<T>(SqliteConnection&)>& job);

private:
    struct WriteJob;
    class ReaderLease;

    void RunWriter();
    void CommitBatch(std::vector<std::shared_ptr<WriteJob>>& batch);
    ReaderLease AcquireReader();

    SqliteOptions options_;
    std::unique_ptr<SqliteConnection> writer_connection_;

    std::mutex queue_mutex_;
    std::condition_variable queue_ready_;
    std::deque<std::shared_ptr<WriteJob>> queue_;
    bool closing_ = false;
    std::thread writer_;

    std::mutex readers_mutex_;
    std::condition_variable reader_free_;
    std::vector<std::unique_ptr<SqliteConnection>> free_readers_;
    int readers_created_ = 0;

    std::unique_ptr<CatalogRepository> catalog_;
};

/// Returns the error a failed database call gives its caller.
Error StorageUnavailable(const std::exception& failure);

class SqliteDatabase::ReaderLease {
public:
    ReaderLease(SqliteDatabase& owner, std::unique_ptr<SqliteConnection> connection)
        : owner_(owner), connection_(std::move(connection)) {}
    ~ReaderLease();
    ReaderLease(const ReaderLease&) = delete;
    ReaderLease& operator=(const ReaderLease&) = delete;
    SqliteConnection& Get() { return *connection_; }

private:
    SqliteDatabase& owner_;
    std::unique_ptr<SqliteConnection> connection_;
};

template <typename T>
Outcome<T> SqliteDatabase::RunRead(const std::function<Outcome<T>(SqliteConnection&)>& job) {
    try {
        ReaderLease lease = AcquireReader();
        return job(lease.Get());
    } catch (const std::exception& failure) {
        return StorageUnavailable(failure);
    }
}

}  // namespace motcua::storage::sqlite
