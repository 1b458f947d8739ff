// OutboxMetrics: the outbox's figures at /metrics (docs/OPERATIONS.md, "Alerts"): deliveries
// of this process by connector and outcome (counters, from each dispatcher round), and the
// queue as the database holds it (gauges, read at each scrape: rows waiting, dead letters, the
// age of the oldest waiting row); and the portal's review queue (pending items per kind: a
// dossier a citizen submitted on the national portal that waits there is a citizen not served).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "services/outbox/outbox_service.hpp"

namespace motcua::api {

class OutboxMetrics {
public:
    /// Adds one dispatcher round's outcomes for `connector`.
    void RecordRound(std::string_view connector, int delivered, int failed, int dead);
    /// Renders the counters and the gauges of `stats` (read now) in the Prometheus format.
    std::string Render(const std::vector<storage::OutboxStats>& stats, Instant now) const;

private:
    struct Counters {
        std::uint64_t delivered = 0;
        std::uint64_t failed = 0;
        std::uint64_t dead = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::string, Counters, std::less<>> counters_;
};

/// Renders motcua_portal_review_pending{connector,kind} for every kind (0 when none waits).
std::string RenderPortalReviewMetrics(
    std::string_view connector, const std::vector<std::pair<std::string, std::int64_t>>& pending);

}  // namespace motcua::api
