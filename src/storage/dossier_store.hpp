// DossierStore: dossiers (the projection), their append-only events and the daily code
// counters, used inside one Transaction so that an action's new state and its event commit
// together (docs/architecture.md §3).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/outcome.hpp"
#include "domain/dossier/dossier.hpp"

namespace motcua::storage {

enum class DossierOrder { kDueFirst, kNewestFirst };

/// A dossier the overdue job looks at, and the keyset cursor of its scan (empty: from the start).
struct OverdueCandidate {
    std::string due_at;
    std::string code;
};

struct DossierFilter {
    std::vector<std::string> agencies;  // Current or receiving agency among these; empty: any.
    std::int64_t owner_account_id = 0;  // > 0: the applicant's own dossiers only.
    std::string owner_id_number;        // With owner_account_id: also dossiers filed under it.
    std::vector<int> statuses;          // National codes; empty: any.
    std::vector<std::string> roles;     // Current step's role among these; empty: any.
    std::string procedure_code;
    std::string due_before;  // UTC text; dossiers due before it.
    bool overdue_only = false;
    std::string now;  // UTC text, for overdue_only.
    DossierOrder order = DossierOrder::kDueFirst;
    std::string after_key;  // Keyset cursor: the sort key of the last row seen.
    std::int64_t after_id = 0;
    int limit = 50;
};

/// One page of an indicator cohort: the dossiers of one competent agency received in
/// [received_from, received_to) (UTC text), in (received_at, id) order after the cursor.
struct CohortFilter {
    std::string agency_code;
    std::string received_from;
    std::string received_to;
    std::string after_received_at;  // Keyset cursor (empty: from the start).
    std::int64_t after_id = 0;
    int limit = 200;
};

class DossierStore {
public:
    virtual ~DossierStore() = default;
    /// Returns the next daily sequence number for `agency_code` on `day` (YYMMDD), gap-free.
    virtual Outcome<int> NextDailySequence(const std::string& agency_code,
                                           const std::string& day) = 0;
    /// Raises the counter to at least `sequence` (imported codes must never be reissued).
    virtual Outcome<Done> EnsureSequenceAtLeast(const std::string& agency_code,
                                                const std::string& day, int sequence) = 0;
    virtual Outcome<std::optional<domain::Dossier>> FindByCode(const std::string& code) = 0;
    /// As FindByCode, except that a dossier another transaction holds (one that transaction
    /// read to change it) is not waited for but answered as absent: the overdue job of several
    /// processes on one database skips what another one is marking. A backend with one writer
    /// at a time (SQLite) never finds it held.
    virtual Outcome<std::optional<domain::Dossier>> FindUnlockedByCode(const std::string& code) = 0;
    /// Inserts a new dossier; returns its id. kConflict ("dossier_exists") on a taken code.
    virtual Outcome<std::int64_t> Insert(const domain::Dossier& dossier) = 0;
    virtual Outcome<Done> Update(const domain::Dossier& dossier) = 0;
    virtual Outcome<Done> AppendEvent(std::int64_t dossier_id,
                                      const domain::DossierEvent& event) = 0;
    virtual Outcome<std::vector<domain::DossierEvent>> ListEvents(std::int64_t dossier_id) = 0;
    /// The dossier's event number `seq`, if there is one.
    virtual Outcome<std::optional<domain::DossierEvent>> FindEvent(std::int64_t dossier_id,
                                                                   int seq) = 0;
    /// The dossier's events with one of `actions`, in order: what the indicator feed reads on
    /// every action, without decoding a long history of other facts.
    virtual Outcome<std::vector<domain::DossierEvent>> ListEventsOf(
        std::int64_t dossier_id, std::span<const domain::DossierAction> actions) = 0;
    virtual Outcome<std::vector<domain::Dossier>> List(const DossierFilter& filter) = 0;
    virtual Outcome<std::vector<domain::Dossier>> ListCohort(const CohortFilter& filter) = 0;
    /// Returns the dossier code an earlier request with this Idempotency-Key created, if any.
    virtual Outcome<std::optional<std::string>> FindIdempotencyKey(std::int64_t actor_id,
                                                                   const std::string& key) = 0;
    virtual Outcome<Done> RememberIdempotencyKey(std::int64_t actor_id, const std::string& key,
                                                 const std::string& code,
                                                 const std::string& at) = 0;
    /// Returns up to `limit` dossiers whose clock runs, due before `now` and not yet marked
    /// overdue, in (due_at, code) order after `after` (keyset paging: a dossier that cannot be
    /// marked does not hold back the ones behind it).
    virtual Outcome<std::vector<OverdueCandidate>> FindNewlyOverdue(const std::string& now,
                                                                    const OverdueCandidate& after,
                                                                    int limit) = 0;
};

}  // namespace motcua::storage
