// OutboxStore: the transactional outbox (docs/connectors.md §1). A dossier change that an
// external system must hear about writes a row here in the transaction of its event; the
// dispatcher claims the rows whose turn has come, hands them to their connector after the
// commit, and records the outcome. Rows of one dossier and connector are delivered in event
// order: only the oldest open row of a dossier is ever claimed, and a dead one holds the rest.
// A message row belongs to no dossier (dossier_id 0, its kind in `action`, its content in
// `payload`): the audit log's head for a witness. Message rows stand alone, in no order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/outcome.hpp"

namespace motcua::storage {

enum class OutboxState { kPending, kDelivered, kDead, kSkipped };

const char* OutboxStateName(OutboxState state);
std::optional<OutboxState> ParseOutboxState(std::string_view name);

/// A new row: `connector` must hear about event `event_seq` of the dossier, or, with
/// dossier_id 0, a message of kind `action` carrying `payload`.
struct OutboxEntry {
    std::string connector;
    std::int64_t dossier_id = 0;  // 0: a message row.
    std::string dossier_code;
    int event_seq = 0;
    std::string action;
    std::string created_at;  // UTC text; also the first moment it may be delivered.
    std::string payload;     // A message row's content (JSON); empty for dossier rows.
};

/// A row as the operator commands show it.
struct OutboxRow {
    std::int64_t id = 0;
    std::string connector;
    std::int64_t dossier_id = 0;
    std::string dossier_code;
    int event_seq = 0;
    std::string action;
    OutboxState state = OutboxState::kPending;
    int attempts = 0;
    std::string created_at;
    std::string next_at;
    std::string delivered_at;
    std::string last_error;
    std::string sent;
    std::string answer;
};

/// A row claimed for delivery.
struct ClaimedOutboxRow {
    std::int64_t id = 0;
    std::int64_t dossier_id = 0;  // 0: a message row.
    std::string dossier_code;
    int event_seq = 0;
    int attempts = 0;  // Earlier attempts.
    bool first_of_dossier =
        false;            // No earlier row of the dossier was delivered to this connector.
    std::string action;   // The event's action, or the message's kind.
    std::string payload;  // A message row's content.
};

/// What became of one claimed row.
struct OutboxOutcome {
    std::int64_t id = 0;
    enum class Kind { kDelivered, kFailed, kDead, kReleased } kind = Kind::kReleased;
    std::string next_at;  // kFailed: not before.
    std::string error;    // kFailed, kDead.
    std::string sent;     // kDelivered, kFailed, kDead: what went over the wire.
    std::string answer;
};

struct OutboxFilter {
    std::string connector;  // Empty: any.
    std::optional<OutboxState> state;
    std::string dossier_code;    // Empty: any.
    std::int64_t before_id = 0;  // Keyset cursor: rows with a smaller id (0: from the newest).
    int limit = 50;
};

/// Queue figures of one connector, for /metrics.
struct OutboxStats {
    std::string connector;
    std::int64_t pending = 0;
    std::int64_t dead = 0;
    std::string oldest_pending_at;  // UTC text, empty when none is pending.
};

class OutboxStore {
public:
    virtual ~OutboxStore() = default;
    virtual Outcome<Done> Enqueue(const OutboxEntry& entry) = 0;
    /// Claims up to `limit` rows of `connector` whose turn has come at `now` (the oldest open
    /// row of each dossier, due, not held by another claim), holding them until `until` for
    /// `claimer`. On PostgreSQL rows another process is claiming are skipped (SKIP LOCKED).
    virtual Outcome<std::vector<ClaimedOutboxRow>> Claim(const std::string& connector,
                                                         const std::string& now,
                                                         const std::string& until,
                                                         const std::string& claimer, int limit) = 0;
    /// Records what became of claimed rows (only rows still claimed by `claimer` change).
    virtual Outcome<Done> Settle(const std::string& claimer, const std::string& now,
                                 const std::vector<OutboxOutcome>& outcomes) = 0;
    /// Lets go of every claim (a single-process backend at start: the previous run's claims
    /// died with it).
    virtual Outcome<Done> ReleaseAllClaims() = 0;
    virtual Outcome<std::vector<OutboxRow>> List(const OutboxFilter& filter) = 0;
    virtual Outcome<std::optional<OutboxRow>> Find(std::int64_t id) = 0;
    /// A dead or pending row back to pending with no attempts, due at `now`; false when the
    /// row is delivered, skipped or unknown.
    virtual Outcome<bool> Retry(std::int64_t id, const std::string& now) = 0;
    /// A dead or pending row given up (the dossier's next row may go); false otherwise.
    virtual Outcome<bool> Skip(std::int64_t id, const std::string& now) = 0;
    virtual Outcome<std::vector<OutboxStats>> Stats() = 0;
};

}  // namespace motcua::storage
