// The transactional outbox (storage/outbox_store.hpp), written once for both backends.
#pragma once

#include "storage/outbox_store.hpp"
#include "storage/sql/statement.hpp"

namespace motcua::storage::sql {

class SqlOutboxStore final : public OutboxStore {
public:
    explicit SqlOutboxStore(Session& session) : session_(session) {}
    Outcome<Done> Enqueue(const OutboxEntry& entry) override;
    Outcome<std::vector<ClaimedOutboxRow>> Claim(const std::string& connector,
                                                 const std::string& now, const std::string& until,
                                                 const std::string& claimer, int limit) override;
    Outcome<Done> Settle(const std::string& claimer, const std::string& now,
                         const std::vector<OutboxOutcome>& outcomes) override;
    Outcome<Done> ReleaseAllClaims() override;
    Outcome<std::vector<OutboxRow>> List(const OutboxFilter& filter) override;
    Outcome<std::optional<OutboxRow>> Find(std::int64_t id) override;
    Outcome<bool> Retry(std::int64_t id, const std::string& now) override;
    Outcome<bool> Skip(std::int64_t id, const std::string& now) override;
    Outcome<std::vector<OutboxStats>> Stats() override;

private:
    Session& session_;
};

}  // namespace motcua::storage::sql
