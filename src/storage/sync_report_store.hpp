// SyncReportStore: the reconciliation of what the province received with what it told a national
// system (docs/connectors.md §5): per competent agency, the dossiers received in a period, those
// pushed (a message of theirs was delivered) and those acknowledged (the system confirmed it
// holds them: the dossier's sync_ack fact), and the dossiers that are not acknowledged yet.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/outcome.hpp"

namespace motcua::storage {

struct SyncReportFilter {
    std::string connector;              // "dvcqg".
    std::vector<std::string> agencies;  // Competent agencies (an agency subtree).
    std::string received_from;          // UTC text, inclusive.
    std::string received_to;            // UTC text, exclusive.
    std::string after_received_at;      // Gap pages: the keyset cursor (empty: from the start).
    std::int64_t after_id = 0;
    int limit = 50;
};

struct SyncTally {
    std::string agency_code;
    std::int64_t received = 0;
    std::int64_t pushed = 0;
    std::int64_t acknowledged = 0;
};

/// A received dossier the system has not acknowledged, with the state of its messages.
struct SyncGap {
    std::int64_t id = 0;
    std::string code;
    std::string agency_code;
    std::string received_at;
    int status = 0;
    std::int64_t delivered = 0;  // Its messages delivered, waiting and dead.
    std::int64_t pending = 0;
    std::int64_t dead = 0;
    std::string last_error;  // Of its oldest undelivered message.
};

class SyncReportStore {
public:
    virtual ~SyncReportStore() = default;
    /// One tally per agency of the filter that received dossiers in the period.
    virtual Outcome<std::vector<SyncTally>> Tally(const SyncReportFilter& filter) = 0;
    /// The unacknowledged dossiers, in (received_at, id) order after the cursor.
    virtual Outcome<std::vector<SyncGap>> ListGaps(const SyncReportFilter& filter) = 0;
};

}  // namespace motcua::storage
