// OutboxDispatcher: delivers one connector's outbox rows (docs/connectors.md §1). A round claims
// the rows whose turn has come (one per dossier, so each dossier's events go in order), loads
// their dossier and event (a message row carries its content), hands them to the connector from a
// few threads at once — outside any transaction — records the portal's acknowledgement as the
// dossier's sync_ack fact, and settles the rows in one transaction: delivered, failed (due again
// after an exponential backoff with jitter, capped) or dead after the last attempt. Several
// processes on one PostgreSQL share the rows (the claim skips what another holds); a claim that
// outlives its process expires after the lease.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "services/outbox/connector.hpp"
#include "storage/database.hpp"

namespace motcua::services {

struct DispatcherOptions {
    int batch = 256;                      // Rows claimed per round.
    int workers = 4;                      // Deliveries under way at once.
    std::chrono::milliseconds poll{250};  // Pause after a round that found less than a batch.
    std::chrono::seconds lease{120};      // How long a claim holds its rows.
    int max_attempts = 15;                // Then the row is dead (dead letter).
    std::chrono::milliseconds backoff_base{1000};
    std::chrono::milliseconds backoff_cap{300'000};
    // Consecutive failures after which a round gives up on the rest of its rows (the receiver
    // is down: they are released without counting an attempt).
    int give_up_after_failures = 16;
};

/// What a round did, for the metrics.
struct DispatchRound {
    int claimed = 0;
    int delivered = 0;
    int failed = 0;
    int dead = 0;
    int released = 0;
};

class OutboxDispatcher {
public:
    using Observer = std::function<void(std::string_view connector, const DispatchRound& round)>;

    OutboxDispatcher(storage::Database& database, CatalogService& catalog, DossierService& dossiers,
                     Connector& connector, const Clock& clock, DispatcherOptions options,
                     std::string claimer, Observer observer = {});
    ~OutboxDispatcher();
    OutboxDispatcher(const OutboxDispatcher&) = delete;
    OutboxDispatcher& operator=(const OutboxDispatcher&) = delete;

    /// One round; returns what it did.
    Outcome<DispatchRound> RunOnce();
    /// Runs rounds on a thread of its own until Stop().
    void Start();
    /// Stops the thread after the round under way.
    void Stop();
    /// Wakes the thread for a round now (a new row was written).
    void Nudge();

    /// The delay before attempt `attempts + 1` after `attempts` failed ones, without jitter.
    static std::chrono::milliseconds Backoff(const DispatcherOptions& options, int attempts);

private:
    struct Work;
    void Loop(const std::stop_token& stop);
    void DeliverAll(Work& work);
    void RecordAcknowledgement(const domain::Dossier& dossier);

    storage::Database& database_;
    CatalogService& catalog_;
    DossierService& dossiers_;
    Connector& connector_;
    const Clock& clock_;
    DispatcherOptions options_;
    std::string claimer_;
    Observer observer_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    bool nudged_ = false;
    std::mt19937_64 jitter_;
    std::jthread thread_;
};

}  // namespace motcua::services
