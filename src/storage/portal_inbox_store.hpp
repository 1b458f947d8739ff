// PortalInboxStore: what MotCua keeps of its pulls from a national portal (docs/dvcqg.md §3.4):
// a cursor per connector and stream (the last portal sequence number taken in), and the review
// queue — catalogue entries that differ from the province's, and portal dossiers that could not
// be created — each waiting for an administrator's decision.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/outcome.hpp"

namespace motcua::storage {

/// One review item. `kind`: "procedure", "agency" or "dossier"; `code`: the national key
/// (MaTTHC, MaCoQuan, MaHoSoQG); `change`: "new", "changed" or "not_created"; `status`:
/// "pending", "accepted" or "dismissed".
struct PortalReviewItem {
    std::int64_t id = 0;
    std::string connector;
    std::string kind;
    std::string code;
    std::string change;
    std::string payload_json;  // The portal's record, as MotCua read it.
    std::string reason;        // Why it is here (the differing fields, the refusal's code).
    std::string status = "pending";
    std::string first_seen_at;
    std::string last_seen_at;
    std::string decided_by;  // Login; empty while pending.
    std::string decided_at;
    std::string note;  // The administrator's note, or the dossier created on acceptance.
};

struct PortalReviewFilter {
    std::string connector;
    std::string kind;    // Empty: every kind.
    std::string status;  // Empty: every status.
    std::int64_t after_id = 0;
    int limit = 50;
};

class PortalInboxStore {
public:
    virtual ~PortalInboxStore() = default;
    /// The cursor `name` of `connector`; 0 when none was stored.
    virtual Outcome<std::int64_t> GetCursor(const std::string& connector,
                                            const std::string& name) = 0;
    virtual Outcome<Done> SetCursor(const std::string& connector, const std::string& name,
                                    std::int64_t value) = 0;
    /// Records what a pull found for (connector, kind, code): a new item, or the last sighting of
    /// the item already queued. An item whose payload or reason changed goes back to pending.
    /// Returns true when the item is (again) pending because of this call.
    virtual Outcome<bool> Upsert(const PortalReviewItem& item) = 0;
    /// Items in id order after `after_id`.
    virtual Outcome<std::vector<PortalReviewItem>> List(const PortalReviewFilter& filter) = 0;
    /// The item with `id`, for update on PostgreSQL (two administrators decide one at a time).
    virtual Outcome<std::optional<PortalReviewItem>> FindForUpdate(std::int64_t id) = 0;
    virtual Outcome<Done> Decide(std::int64_t id, const std::string& status,
                                 const std::string& decided_by, const std::string& decided_at,
                                 const std::string& note) = 0;
    /// Pending items per kind: (kind, count).
    virtual Outcome<std::vector<std::pair<std::string, std::int64_t>>> CountPending(
        const std::string& connector) = 0;
};

}  // namespace motcua::storage
