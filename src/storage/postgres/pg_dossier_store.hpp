// The dossier store on PostgreSQL: the projection row with its JSON document, the events, the
// daily code counters (an upsert … RETURNING whose row lock keeps the sequence gap-free and
// unique across connections and processes) and the idempotency keys. In a write transaction,
// FindByCode locks the row it reads (FOR UPDATE) until commit, so that an action's
// read-change-write of a dossier takes turns with another connection's (READ COMMITTED alone
// would lose one of two concurrent updates; FindUnlockedByCode skips a locked row instead of
// waiting for it), and FindIdempotencyKey locks the (actor, key) pair so that concurrent retries
// of one submission take turns.
#pragma once

#include <string_view>

#include "storage/dossier_store.hpp"

namespace pqxx {
class transaction_base;
}

namespace motcua::storage::postgres {

class PgDossierStore final : public DossierStore {
public:
    /// `writable`: the transaction may write (FindByCode locks the row it returns).
    PgDossierStore(pqxx::transaction_base& transaction, bool writable)
        : transaction_(transaction), writable_(writable) {}
    Outcome<int> NextDailySequence(const std::string& agency_code, const std::string& day) override;
    Outcome<Done> EnsureSequenceAtLeast(const std::string& agency_code, const std::string& day,
                                        int sequence) override;
    Outcome<std::optional<domain::Dossier>> FindByCode(const std::string& code) override;
    /// FOR UPDATE SKIP LOCKED: a row another transaction locked is not returned.
    Outcome<std::optional<domain::Dossier>> FindUnlockedByCode(const std::string& code) override;
    Outcome<std::int64_t> Insert(const domain::Dossier& dossier) override;
    Outcome<Done> Update(const domain::Dossier& dossier) override;
    Outcome<Done> AppendEvent(std::int64_t dossier_id, const domain::DossierEvent& event) override;
    Outcome<std::vector<domain::DossierEvent>> ListEvents(std::int64_t dossier_id) override;
    Outcome<std::vector<domain::DossierEvent>> ListEventsOf(
        std::int64_t dossier_id, std::span<const domain::DossierAction> actions) override;
    Outcome<std::vector<domain::Dossier>> List(const DossierFilter& filter) override;
    Outcome<std::vector<domain::Dossier>> ListCohort(const CohortFilter& filter) override;
    Outcome<std::vector<OverdueCandidate>> FindNewlyOverdue(const std::string& now,
                                                            const OverdueCandidate& after,
                                                            int limit) override;
    Outcome<std::optional<std::string>> FindIdempotencyKey(std::int64_t actor_id,
                                                           const std::string& key) override;
    Outcome<Done> RememberIdempotencyKey(std::int64_t actor_id, const std::string& key,
                                         const std::string& code, const std::string& at) override;

private:
    /// SELECTs the dossier with `code`, followed by the `locking` clause.
    Outcome<std::optional<domain::Dossier>> FindLocked(const std::string& code,
                                                       std::string_view locking);

    pqxx::transaction_base& transaction_;
    bool writable_;
};

}  // namespace motcua::storage::postgres
