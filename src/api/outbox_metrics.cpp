#include "api/outbox_metrics.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "common/time_format.hpp"

namespace motcua::api {
namespace {

// Seconds from the UTC text `at` to `now`; 0 when `at` is empty or unreadable.
double AgeSeconds(const std::string& at, Instant now) {
    const std::optional<Instant> then = ParseRfc3339(at);
    if (!then.has_value()) {
        return 0;
    }
    return std::max(0.0, std::chrono::duration<double>(now - then.value()).count());
}

}  // namespace

void OutboxMetrics::RecordRound(std::string_view connector, int delivered, int failed, int dead) {
    const std::lock_guard lock(mutex_);
    auto found = counters_.find(connector);
    if (found == counters_.end()) {
        found = counters_.emplace(std::string(connector), Counters{}).first;
    }
    found->second.delivered += static_cast<std::uint64_t>(delivered);
    found->second.failed += static_cast<std::uint64_t>(failed);
    found->second.dead += static_cast<std::uint64_t>(dead);
}

std::string OutboxMetrics::Render(const std::vector<storage::OutboxStats>& stats,
                                  Instant now) const {
    std::string out;
    out += "# HELP motcua_outbox_deliveries_total Outbox deliveries by this process.\n";
    out += "# TYPE motcua_outbox_deliveries_total counter\n";
    {
        const std::lock_guard lock(mutex_);
        for (const auto& [connector, counters] : counters_) {
            for (const auto& [outcome, count] :
                 {std::pair{"ok", counters.delivered}, std::pair{"failed", counters.failed},
                  std::pair{"dead", counters.dead}}) {
                out += fmt::format(
                    "motcua_outbox_deliveries_total{{connector=\"{}\",outcome=\"{}\"}} {}\n",
                    connector, outcome, count);
            }
        }
    }
    out += "# HELP motcua_outbox_pending Outbox rows waiting for delivery.\n";
    out += "# TYPE motcua_outbox_pending gauge\n";
    for (const auto& row : stats) {
        out += fmt::format("motcua_outbox_pending{{connector=\"{}\"}} {}\n", row.connector,
                           row.pending);
    }
    out += "# HELP motcua_outbox_dead Outbox rows given up after their last attempt.\n";
    out += "# TYPE motcua_outbox_dead gauge\n";
    for (const auto& row : stats) {
        out += fmt::format("motcua_outbox_dead{{connector=\"{}\"}} {}\n", row.connector, row.dead);
    }
    out += "# HELP motcua_outbox_oldest_pending_seconds Age of the oldest waiting row.\n";
    out += "# TYPE motcua_outbox_oldest_pending_seconds gauge\n";
    for (const auto& row : stats) {
        out += fmt::format("motcua_outbox_oldest_pending_seconds{{connector=\"{}\"}} {:.3f}\n",
                           row.connector, AgeSeconds(row.oldest_pending_at, now));
    }
    return out;
}

std::string RenderPortalReviewMetrics(
    std::string_view connector, const std::vector<std::pair<std::string, std::int64_t>>& pending) {
    std::string out;
    out +=
        "# HELP motcua_portal_review_pending Items from the national portal waiting for "
        "review.\n";
    out += "# TYPE motcua_portal_review_pending gauge\n";
    for (const std::string_view kind : {"agency", "dossier", "procedure"}) {
        std::int64_t count = 0;
        for (const auto& [what, number] : pending) {
            if (what == kind) {
                count = number;
            }
        }
        out += fmt::format("motcua_portal_review_pending{{connector=\"{}\",kind=\"{}\"}} {}\n",
                           connector, kind, count);
    }
    return out;
}

}  // namespace motcua::api
