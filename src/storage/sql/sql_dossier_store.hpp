// The dossier store, written once for both backends: the projection row with its JSON document,
// the events, the daily code counters and the idempotency keys.
#pragma once

#include "storage/dossier_store.hpp"
#include "storage/sql/statement.hpp"

namespace motcua::storage::sql {

class SqlDossierStore final : public DossierStore {
public:
    explicit SqlDossierStore(Session& session) : session_(session) {}
    Outcome<int> NextDailySequence(const std::string& agency_code, const std::string& day) override;
    Outcome<Done> EnsureSequenceAtLeast(const std::string& agency_code, const std::string& day,
                                        int sequence) override;
    /// In a write transaction the row stays locked until the end (PostgreSQL), so that
    /// concurrent actions on one dossier apply one after the other.
    Outcome<std::optional<domain::Dossier>> FindByCode(const std::string& code) override;
    /// As FindByCode, but a row locked by another transaction is skipped (PostgreSQL).
    Outcome<std::optional<domain::Dossier>> FindUnlockedByCode(const std::string& code) override;
    Outcome<std::int64_t> Insert(const domain::Dossier& dossier) override;
    Outcome<Done> Update(const domain::Dossier& dossier) override;
    Outcome<Done> AppendEvent(std::int64_t dossier_id, const domain::DossierEvent& event) override;
    Outcome<std::vector<domain::DossierEvent>> ListEvents(std::int64_t dossier_id) override;
    Outcome<std::optional<domain::DossierEvent>> FindEvent(std::int64_t dossier_id,
                                                           int seq) override;
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
    Outcome<std::optional<domain::Dossier>> FindOne(std::string_view sql, const std::string& code);
    Session& session_;
};

/// The page of dossiers `filter` asks for, as an (id, doc) statement ready to step: the one
/// query whose SQL is written per backend (sql_dossier_list.cpp says why).
Statement PrepareDossierList(Session& session, const DossierFilter& filter);

}  // namespace motcua::storage::sql
