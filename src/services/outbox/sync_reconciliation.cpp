#include "services/outbox/sync_reconciliation.hpp"

#include <charconv>

#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/indicators/indicator_service.hpp"

namespace motcua::services {
namespace {

constexpr int kMaxGapPage = 500;

Error InvalidParameter(std::string param) {
    return MakeError(ErrorKind::kInvalid, "invalid_parameter", std::move(param));
}

// The gap cursor: "<received_at>|<id>" of the last gap of the previous page.
bool ParseGapCursor(const std::string& cursor, storage::SyncReportFilter& filter) {
    const auto bar = cursor.rfind('|');
    if (bar == std::string::npos || bar == 0) {
        return false;
    }
    const auto* begin = cursor.data() + bar + 1;
    const auto* end = cursor.data() + cursor.size();
    std::int64_t id = 0;
    if (begin == end || std::from_chars(begin, end, id).ptr != end || id <= 0) {
        return false;
    }
    filter.after_received_at = cursor.substr(0, bar);
    filter.after_id = id;
    return true;
}

}  // namespace

Outcome<storage::SyncReportFilter> SyncReconciliationService::Prepare(const domain::Actor& actor,
                                                                      const SyncQuery& query,
                                                                      const std::string& action) {
    auto snapshot = catalog_.GetSnapshot();
    if (snapshot->FindAgency(query.agency_code) == nullptr) {
        return InvalidParameter("agency");
    }
    MOTCUA_RETURN_IF_ERROR(CheckAccess(
        database_, clock_, actor, domain::Permission::kReadIndicators, {query.agency_code, 0},
        MakeIsWithin(snapshot), {action, "agency", query.agency_code}));
    storage::SyncReportFilter filter;
    filter.connector = query.connector;
    filter.agencies = snapshot->SubtreeCodes(query.agency_code);
    const auto range = ReceivedRange(query.period);
    filter.received_from = range.from;
    filter.received_to = range.to;
    return filter;
}

Outcome<SyncReconciliation> SyncReconciliationService::Reconcile(const domain::Actor& actor,
                                                                 const SyncQuery& query) {
    MOTCUA_ASSIGN_OR_RETURN(auto filter, Prepare(actor, query, "sync.reconciliation"));
    SyncReconciliation answer;
    answer.total.agency_code = query.agency_code;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(answer.agencies, transaction.SyncReports().Tally(filter));
        return Done{};
    }));
    for (const auto& tally : answer.agencies) {
        answer.total.received += tally.received;
        answer.total.pushed += tally.pushed;
        answer.total.acknowledged += tally.acknowledged;
    }
    return answer;
}

Outcome<SyncGapPage> SyncReconciliationService::ListGaps(const domain::Actor& actor,
                                                         const SyncQuery& query) {
    if (query.limit < 1 || query.limit > kMaxGapPage) {
        return InvalidParameter("limit");
    }
    MOTCUA_ASSIGN_OR_RETURN(auto filter, Prepare(actor, query, "sync.gaps"));
    if (!query.cursor.empty() && !ParseGapCursor(query.cursor, filter)) {
        return InvalidParameter("cursor");
    }
    filter.limit = query.limit + 1;  // One more tells whether a page follows.
    SyncGapPage page;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(page.items, transaction.SyncReports().ListGaps(filter));
        return AppendAudit(transaction, MakeAuditEntry(clock_, actor, "sync.gaps", "agency",
                                                       query.agency_code, AuditOutcome::kOk));
    }));
    if (page.items.size() > static_cast<std::size_t>(query.limit)) {
        page.items.resize(static_cast<std::size_t>(query.limit));
        const auto& last = page.items.back();
        page.next_cursor = last.received_at + "|" + std::to_string(last.id);
    }
    return page;
}

}  // namespace motcua::services
