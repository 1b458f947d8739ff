#include "storage/sql/sql_sync_report_store.hpp"

namespace motcua::storage::sql {
namespace {

// ?1 connector, ?2 received from, ?3 received to; the agencies from ?4 on (last in the SQL).
constexpr std::string_view kAcknowledged =
    "EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id "
    "AND e.action = 'sync_ack')";
constexpr std::string_view kInPeriod = "d.received_at >= ?2 AND d.received_at < ?3";

void BindCommon(Statement& statement, const SyncReportFilter& filter, int first_agency) {
    statement.Bind(1, filter.connector).Bind(2, filter.received_from).Bind(3, filter.received_to);
    for (std::size_t i = 0; i < filter.agencies.size(); ++i) {
        statement.Bind(first_agency + static_cast<int>(i), filter.agencies[i]);
    }
}

}  // namespace

Outcome<std::vector<SyncTally>> SqlSyncReportStore::Tally(const SyncReportFilter& filter) {
    if (filter.agencies.empty()) {
        return std::vector<SyncTally>{};
    }
    auto select = session_.Prepare(
        "SELECT d.competent_agency, COUNT(*), "
        "SUM(CASE WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.connector = ?1 "
        "AND o.dossier_id = d.id AND o.state = 'delivered') THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN " +
        std::string(kAcknowledged) + " THEN 1 ELSE 0 END) FROM dossiers d WHERE " +
        std::string(kInPeriod) + " AND d.competent_agency IN (" +
        Placeholders(4, filter.agencies.size()) +
        ") GROUP BY d.competent_agency ORDER BY d.competent_agency");
    BindCommon(select, filter, 4);
    std::vector<SyncTally> tallies;
    while (select.Step()) {
        tallies.push_back({.agency_code = select.ColumnText(0),
                           .received = select.ColumnInt(1),
                           .pushed = select.ColumnInt(2),
                           .acknowledged = select.ColumnInt(3)});
    }
    return tallies;
}

Outcome<std::vector<SyncGap>> SqlSyncReportStore::ListGaps(const SyncReportFilter& filter) {
    if (filter.agencies.empty()) {
        return std::vector<SyncGap>{};
    }
    const auto count = [](std::string_view state) {
        return "(SELECT COUNT(*) FROM outbox o WHERE o.connector = ?1 AND o.dossier_id = d.id "
               "AND o.state = '" +
               std::string(state) + "')";
    };
    auto select = session_.Prepare(
        "SELECT d.id, d.code, d.competent_agency, d.received_at, d.status, " + count("delivered") +
        ", " + count("pending") + ", " + count("dead") +
        ", (SELECT o.last_error FROM outbox o WHERE o.connector = ?1 AND o.dossier_id = d.id "
        "AND o.state IN ('pending', 'dead') ORDER BY o.id LIMIT 1) "
        "FROM dossiers d WHERE " +
        std::string(kInPeriod) + " AND NOT " + std::string(kAcknowledged) +
        " AND (d.received_at > ?4 OR (d.received_at = ?4 AND d.id > ?5::bigint)) "
        "AND d.competent_agency IN (" +
        Placeholders(7, filter.agencies.size()) +
        ") ORDER BY d.received_at, d.id LIMIT ?6::bigint");
    BindCommon(select, filter, 7);
    select.Bind(4, filter.after_received_at).Bind(5, filter.after_id);
    select.Bind(6, std::int64_t{filter.limit});
    std::vector<SyncGap> gaps;
    while (select.Step()) {
        gaps.push_back({.id = select.ColumnInt(0),
                        .code = select.ColumnText(1),
                        .agency_code = select.ColumnText(2),
                        .received_at = select.ColumnText(3),
                        .status = static_cast<int>(select.ColumnInt(4)),
                        .delivered = select.ColumnInt(5),
                        .pending = select.ColumnInt(6),
                        .dead = select.ColumnInt(7),
                        .last_error = select.IsColumnNull(8) ? "" : select.ColumnText(8)});
    }
    return gaps;
}

}  // namespace motcua::storage::sql
