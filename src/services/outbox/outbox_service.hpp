// OutboxService: the operator's view of the outbox (docs/connectors.md §3) — list the messages
// sent or waiting for each national system, retry a dead one, skip one that can never go — for
// the province administrator (manage_outbox) and the console. Every use is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "services/catalog/catalog_service.hpp"
#include "storage/database.hpp"

namespace motcua::services {

struct OutboxPage {
    std::vector<storage::OutboxRow> items;
    std::string next_cursor;  // Empty on the last page.
};

class OutboxService {
public:
    OutboxService(storage::Database& database, CatalogService& catalog, const Clock& clock)
        : database_(database), catalog_(catalog), clock_(clock) {}

    /// Newest first; `cursor` from the previous page ("" for the first).
    Outcome<OutboxPage> List(const domain::Actor& actor, storage::OutboxFilter filter,
                             const std::string& cursor);
    Outcome<storage::OutboxRow> Get(const domain::Actor& actor, std::int64_t id);
    /// A dead (or waiting) message is tried again now, its attempts counted from zero.
    Outcome<storage::OutboxRow> Retry(const domain::Actor& actor, std::int64_t id);
    /// A dead (or waiting) message is given up: the dossier's next message may go.
    Outcome<storage::OutboxRow> Skip(const domain::Actor& actor, std::int64_t id);
    /// The queue figures per connector (for /metrics; no actor: not personal data).
    Outcome<std::vector<storage::OutboxStats>> Stats();
    const Clock& GetClock() const { return clock_; }

private:
    Outcome<Done> Authorize(const domain::Actor& actor, const std::string& action,
                            const std::string& target);
    Outcome<storage::OutboxRow> Change(const domain::Actor& actor, std::int64_t id,
                                       const std::string& action, bool retry);

    storage::Database& database_;
    CatalogService& catalog_;
    const Clock& clock_;
};

}  // namespace motcua::services
