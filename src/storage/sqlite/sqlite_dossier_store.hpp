// The dossier store on SQLite: the projection row with its JSON document, events, counters.
#pragma once

#include "storage/dossier_store.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace motcua::storage::sqlite {

class SqliteDossierStore final : public DossierStore {
public:
    explicit SqliteDossierStore(SqliteConnection& connection) : connection_(connection) {}
    Outcome<int> NextDailySequence(const std::string& agency_code, const std::string& day) override;
    Outcome<Done> EnsureSequenceAtLeast(const std::string& agency_code, const std::string& day,
                                        int sequence) override;
    Outcome<std::optional<domain::Dossier>> FindByCode(const std::string& code) override;
    /// One writer at a time: the same as FindByCode.
    Outcome<std::optional<domain::Dossier>> FindUnlockedByCode(const std::string& code) override {
        return FindByCode(code);
    }
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
    SqliteConnection& connection_;
};

}  // namespace motcua::storage::sqlite
