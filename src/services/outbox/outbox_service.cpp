#include "services/outbox/outbox_service.hpp"

#include <algorithm>
#include <charconv>

#include "common/time_format.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"

namespace motcua::services {
namespace {

constexpr int kMaxPage = 200;

Error MessageNotFound(std::int64_t id) {
    return MakeError(ErrorKind::kNotFound, "outbox_message_not_found", std::to_string(id));
}

}  // namespace

Outcome<Done> OutboxService::Authorize(const domain::Actor& actor, const std::string& action,
                                       const std::string& target) {
    auto snapshot = catalog_.GetSnapshot();
    return CheckAccess(database_, clock_, actor, domain::Permission::kManageOutbox,
                       {snapshot->GetRootCode(), 0}, MakeIsWithin(snapshot),
                       {action, "outbox", target});
}

Outcome<OutboxPage> OutboxService::List(const domain::Actor& actor, storage::OutboxFilter filter,
                                        const std::string& cursor) {
    MOTCUA_RETURN_IF_ERROR(Authorize(actor, "outbox.list", ""));
    if (!cursor.empty()) {
        std::int64_t before = 0;
        const auto* end = cursor.data() + cursor.size();
        if (cursor.front() != 'b' || std::from_chars(cursor.data() + 1, end, before).ptr != end ||
            before <= 0) {
            return MakeError(ErrorKind::kInvalid, "invalid_parameter", "cursor");
        }
        filter.before_id = before;
    }
    filter.limit = std::clamp(filter.limit, 1, kMaxPage);
    OutboxPage page;
    // One more row than asked tells whether another page follows.
    auto asked = filter;
    asked.limit = filter.limit + 1;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(page.items, transaction.Outbox().List(asked));
        return AppendAudit(transaction, MakeAuditEntry(clock_, actor, "outbox.list", "outbox",
                                                       filter.dossier_code, AuditOutcome::kOk));
    }));
    if (page.items.size() > static_cast<std::size_t>(filter.limit)) {
        page.items.resize(static_cast<std::size_t>(filter.limit));
        page.next_cursor = "b" + std::to_string(page.items.back().id);
    }
    return page;
}

Outcome<storage::OutboxRow> OutboxService::Get(const domain::Actor& actor, std::int64_t id) {
    MOTCUA_RETURN_IF_ERROR(Authorize(actor, "outbox.get", std::to_string(id)));
    std::optional<storage::OutboxRow> row;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(row, transaction.Outbox().Find(id));
        return AppendAudit(transaction, MakeAuditEntry(clock_, actor, "outbox.get", "outbox",
                                                       std::to_string(id), AuditOutcome::kOk));
    }));
    if (!row) {
        return MessageNotFound(id);
    }
    return *row;
}

Outcome<storage::OutboxRow> OutboxService::Change(const domain::Actor& actor, std::int64_t id,
                                                  const std::string& action, bool retry) {
    MOTCUA_RETURN_IF_ERROR(Authorize(actor, action, std::to_string(id)));
    std::optional<storage::OutboxRow> row;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto& outbox = transaction.Outbox();
        MOTCUA_ASSIGN_OR_RETURN(row, outbox.Find(id));
        if (!row) {
            return MessageNotFound(id);
        }
        const auto now = FormatUtc(clock_.Now());
        MOTCUA_ASSIGN_OR_RETURN(auto changed, retry ? outbox.Retry(id, now) : outbox.Skip(id, now));
        if (!changed) {
            return MakeError(ErrorKind::kConflict, "outbox_message_settled",
                             storage::OutboxStateName(row->state));
        }
        MOTCUA_ASSIGN_OR_RETURN(row, outbox.Find(id));
        return AppendAudit(transaction, MakeAuditEntry(clock_, actor, action, "outbox",
                                                       std::to_string(id), AuditOutcome::kOk));
    }));
    if (!row.has_value()) {
        return MessageNotFound(id);
    }
    return row.value();
}

Outcome<storage::OutboxRow> OutboxService::Retry(const domain::Actor& actor, std::int64_t id) {
    return Change(actor, id, "outbox.retry", true);
}

Outcome<storage::OutboxRow> OutboxService::Skip(const domain::Actor& actor, std::int64_t id) {
    return Change(actor, id, "outbox.skip", false);
}

Outcome<std::vector<storage::OutboxStats>> OutboxService::Stats() {
    std::vector<storage::OutboxStats> stats;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(stats, transaction.Outbox().Stats());
        return Done{};
    }));
    return stats;
}

}  // namespace motcua::services
