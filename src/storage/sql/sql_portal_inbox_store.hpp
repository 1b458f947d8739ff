// The portal inbox (storage/portal_inbox_store.hpp), written once for both backends.
#pragma once

#include "storage/portal_inbox_store.hpp"
#include "storage/sql/statement.hpp"

namespace motcua::storage::sql {

class SqlPortalInboxStore final : public PortalInboxStore {
public:
    explicit SqlPortalInboxStore(Session& session) : session_(session) {}
    Outcome<std::int64_t> GetCursor(const std::string& connector, const std::string& name) override;
    Outcome<Done> SetCursor(const std::string& connector, const std::string& name,
                            std::int64_t value) override;
    Outcome<bool> Upsert(const PortalReviewItem& item) override;
    Outcome<std::vector<PortalReviewItem>> List(const PortalReviewFilter& filter) override;
    Outcome<std::optional<PortalReviewItem>> FindForUpdate(std::int64_t id) override;
    Outcome<Done> Decide(std::int64_t id, const std::string& status, const std::string& decided_by,
                         const std::string& decided_at, const std::string& note) override;
    Outcome<std::vector<std::pair<std::string, std::int64_t>>> CountPending(
        const std::string& connector) override;

private:
    Session& session_;
};

}  // namespace motcua::storage::sql
