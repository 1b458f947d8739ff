#include "storage/postgres/pg_database.hpp"

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <pqxx/pqxx>
#include <spdlog/spdlog.h>

#include "storage/catalog_reader.hpp"
#include "storage/postgres/pg_migration_files.hpp"
#include "storage/postgres/pg_session.hpp"
#include "storage/sql/sql_transaction.hpp"

namespace motcua::storage::postgres {
namespace {

// pg_advisory_xact_lock key taken by every migration transaction, so that server processes
// starting together apply each migration once ("MotCua" in ASCII).
constexpr std::int64_t kMigrationLock = 0x4d6f74437561;

// Thrown by a lease asked for after Close().
class PoolClosed : public std::runtime_error {
public:
    PoolClosed() : std::runtime_error("the database is closed") {}
};

Error Unavailable(const std::exception& failure) {
    spdlog::error("storage failure: {}", failure.what());
    return MakeError(ErrorKind::kUnavailable, "unavailable", {}, failure.what());
}

// Runs `body`, turning a closed pool into 503 shutting_down and any other failure of the
// connection or the server into 503 unavailable.
template <typename Body>
Outcome<Done> Guarded(Body&& body) {
    try {
        return body();
    } catch (const PoolClosed&) {
        return MakeError(ErrorKind::kUnavailable, "shutting_down");
    } catch (const std::exception& failure) {
        return Unavailable(failure);
    }
}

}  // namespace

struct PgDatabase::Pool {
    std::mutex mutex;
    std::condition_variable freed;
    std::vector<std::unique_ptr<pqxx::connection>> idle;
    int open = 0;  // Connections in use or idle.
    bool closing = false;
};

struct PgDatabase::AuditJob {
    const std::function<Outcome<Done>(Transaction&)>* work = nullptr;
    std::promise<Outcome<Done>> done;
};

struct PgDatabase::AuditQueue {
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<AuditJob*> jobs;
    bool closing = false;
    std::thread writer;
};

/// One connection taken from the pool; given back when the lease ends, unless it broke.
class PgDatabase::Lease {
public:
    explicit Lease(PgDatabase& owner) : owner_(owner) {
        auto& pool = *owner_.pool_;
        std::unique_lock lock(pool.mutex);
        pool.freed.wait(lock, [&] {
            return pool.closing || !pool.idle.empty() || pool.open < owner_.options_.pool_size;
        });
        if (pool.closing) {
            throw PoolClosed();
        }
        if (!pool.idle.empty()) {
            connection_ = std::move(pool.idle.back());
            pool.idle.pop_back();
            return;
        }
        ++pool.open;
        lock.unlock();
        try {
            connection_ = std::make_unique<pqxx::connection>(owner_.options_.conninfo);
        } catch (...) {
            lock.lock();
            --pool.open;
            pool.freed.notify_one();
            throw;
        }
    }
    ~Lease() {
        auto& pool = *owner_.pool_;
        {
            const std::lock_guard lock(pool.mutex);
            if (connection_ && connection_->is_open() && !pool.closing) {
                pool.idle.push_back(std::move(connection_));
            } else {
                --pool.open;  // Broken or closing: dropped; a new one is opened when needed.
            }
        }
        connection_.reset();
        pool.freed.notify_one();
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    pqxx::connection& Get() { return *connection_; }
    /// Closes the connection instead of giving it back.
    void Discard() { connection_.reset(); }

private:
    PgDatabase& owner_;
    std::unique_ptr<pqxx::connection> connection_;
};

template <typename Tx>
void PgDatabase::Begin(std::optional<Lease>& lease, std::optional<Tx>& transaction) {
    // An idle connection the server dropped (a restart, a failover, an administrator) fails at
    // BEGIN, before any work has run: it is discarded and the transaction begins once more on a
    // new connection. A failure after that is the caller's.
    for (int attempt = 1;; ++attempt) {
        lease.emplace(*this);
        try {
            // Reads, without a round trip, what the server sent while the connection was idle:
            // a connection it ended fails here (libpqxx 6.4 leaks a result when BEGIN finds it).
            lease->Get().get_notifs();
            transaction.emplace(lease->Get());
            return;
        } catch (const pqxx::broken_connection&) {
            if (attempt == 2) {
                throw;
            }
            lease->Discard();
        }
    }
}

PgDatabase::PgDatabase(PgOptions options)
    : options_(std::move(options)), pool_(std::make_unique<Pool>()) {
    if (options_.pool_size < 1) {
        options_.pool_size = 1;
    }
    {
        Lease first(*this);  // Fails now, with libpq's message, when the server is unreachable.
    }
    catalog_ = std::make_unique<CatalogReader>(*this);
    audit_queue_ = std::make_unique<AuditQueue>();
    audit_queue_->writer = std::thread([this] { RunAuditWriter(); });
}

PgDatabase::~PgDatabase() { Close(); }

void PgDatabase::Close() {
    {
        const std::lock_guard lock(audit_queue_->mutex);
        audit_queue_->closing = true;
    }
    audit_queue_->ready.notify_all();
    if (audit_queue_->writer.joinable()) {
        audit_queue_->writer.join();  // Commits every queued record first.
    }
    {
        const std::lock_guard lock(pool_->mutex);
        pool_->closing = true;
        pool_->idle.clear();
    }
    pool_->freed.notify_all();
}

std::string PgDatabase::Describe() const { return RedactConninfo(options_.conninfo); }

Outcome<Done> PgDatabase::RunWrite(
    const std::function<Outcome<Done>(pqxx::transaction_base&)>& job) {
    return Guarded([&]() -> Outcome<Done> {
        std::optional<Lease> lease;
        std::optional<pqxx::work> transaction;
        Begin(lease, transaction);
        auto result = job(*transaction);
        if (result) {
            transaction->commit();  // Returns once the commit record is flushed.
        } else {
            transaction->abort();
        }
        return result;
    });
}

Outcome<Done> PgDatabase::RunRead(
    const std::function<Outcome<Done>(pqxx::transaction_base&)>& job) {
    return Guarded([&]() -> Outcome<Done> {
        std::optional<Lease> lease;
        std::optional<pqxx::read_transaction> transaction;
        Begin(lease, transaction);
        auto result = job(*transaction);
        transaction->abort();
        return result;
    });
}

Outcome<MigrationReport> PgDatabase::Migrate() {
    MigrationReport report;
    for (const auto name : migration_files::Names()) {
        const int version = std::stoi(std::string(name.substr(0, 4)));
        auto outcome = RunWrite([&](pqxx::transaction_base& transaction) -> Outcome<Done> {
            PgSession session(transaction, true);
            session.Prepare("SELECT pg_advisory_xact_lock(?1::bigint)")
                .Bind(1, kMigrationLock)
                .Run();
            transaction.exec(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            auto applied =
                session.Prepare("SELECT 1 FROM schema_migrations WHERE version = ?1::int");
            if (applied.Bind(1, std::int64_t{version}).Step()) {
                return Done{};
            }
            transaction.exec(std::string(migration_files::Get(name)));
            session.Prepare("INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)")
                .Bind(1, std::int64_t{version})
                .Bind(2, name)
                .Run();
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

CatalogRepository& PgDatabase::Catalog() { return *catalog_; }

Outcome<Done> PgDatabase::Write(const std::function<Outcome<Done>(Transaction&)>& work) {
    return RunWrite([&](pqxx::transaction_base& transaction) -> Outcome<Done> {
        PgSession session(transaction, true);
        sql::SqlTransaction stores(session, options_.audit_key);
        MOTCUA_RETURN_IF_ERROR(work(stores));
        return stores.BeforeCommit();
    });
}

Outcome<Done> PgDatabase::WriteAudit(const std::function<Outcome<Done>(Transaction&)>& work) {
    AuditJob job;
    job.work = &work;
    auto done = job.done.get_future();
    {
        const std::lock_guard lock(audit_queue_->mutex);
        if (audit_queue_->closing) {
            return MakeError(ErrorKind::kUnavailable, "shutting_down");
        }
        audit_queue_->jobs.push_back(&job);
    }
    audit_queue_->ready.notify_one();
    return done.get();
}

void PgDatabase::RunAuditWriter() {
    std::vector<AuditJob*> batch;
    for (;;) {
        {
            std::unique_lock lock(audit_queue_->mutex);
            audit_queue_->ready.wait(
                lock, [this] { return audit_queue_->closing || !audit_queue_->jobs.empty(); });
            if (audit_queue_->jobs.empty()) {
                return;  // Closing and drained.
            }
            while (!audit_queue_->jobs.empty() &&
                   static_cast<int>(batch.size()) < std::max(1, options_.audit_batch)) {
                batch.push_back(audit_queue_->jobs.front());
                audit_queue_->jobs.pop_front();
            }
        }
        CommitAuditBatch(batch);
        batch.clear();
    }
}

void PgDatabase::CommitAuditBatch(const std::vector<AuditJob*>& jobs) {
    if (jobs.size() == 1) {
        jobs.front()->done.set_value(Write(*jobs.front()->work));
        return;
    }
    // Optimistic: all in one transaction, no savepoint per job (audit appends almost never
    // fail). Should one fail, nothing of the batch is kept and each job runs on its own.
    bool all_ran = false;
    auto together = RunWrite([&](pqxx::transaction_base& transaction) -> Outcome<Done> {
        PgSession session(transaction, true);
        sql::SqlTransaction stores(session, options_.audit_key);
        for (auto* job : jobs) {
            MOTCUA_RETURN_IF_ERROR((*job->work)(stores));
        }
        MOTCUA_RETURN_IF_ERROR(stores.BeforeCommit());
        all_ran = true;
        return Done{};
    });
    if (together || all_ran) {
        // Committed, or the commit itself failed (perhaps after it took effect): every job
        // gets that answer; none is run twice.
        for (auto* job : jobs) {
            job->done.set_value(together);
        }
        return;
    }
    for (auto* job : jobs) {
        job->done.set_value(Write(*job->work));
    }
}

Outcome<Done> PgDatabase::Read(const std::function<Outcome<Done>(Transaction&)>& work) {
    return RunRead([&](pqxx::transaction_base& transaction) {
        PgSession session(transaction, false);
        sql::SqlTransaction stores(session, options_.audit_key);
        return work(stores);
    });
}

std::string RedactConninfo(const std::string& conninfo) {
    constexpr std::string_view kSchemes[] = {"postgresql://", "postgres://"};
    for (const auto scheme : kSchemes) {
        if (conninfo.rfind(scheme, 0) != 0) {
            continue;
        }
        // postgresql://user:secret@host/db → postgresql://user@host/db
        const auto at = conninfo.find('@', scheme.size());
        const auto colon = conninfo.find(':', scheme.size());
        const auto slash = conninfo.find('/', scheme.size());
        if (at != std::string::npos && colon < at && (slash == std::string::npos || at < slash)) {
            return conninfo.substr(0, colon) + conninfo.substr(at);
        }
        return conninfo;
    }
    // key=value words: every value but the password.
    std::string redacted;
    std::size_t start = 0;
    while (start < conninfo.size()) {
        auto end = conninfo.find(' ', start);
        if (end == std::string::npos) {
            end = conninfo.size();
        }
        const std::string word = conninfo.substr(start, end - start);
        if (!word.empty() && word.rfind("password=", 0) != 0) {
            redacted += (redacted.empty() ? "" : " ") + word;
        }
        start = end + 1;
    }
    return "postgresql:" + redacted;
}

}  // namespace motcua::storage::postgres
