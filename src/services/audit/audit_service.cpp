#include "services/audit/audit_service.hpp"

#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"

namespace motcua::services {

AuditService::AuditService(storage::Database& database, CatalogService& catalog, const Clock& clock,
                           std::string key)
    : database_(database), catalog_(catalog), clock_(clock), key_(std::move(key)) {}

Outcome<AuditPage> AuditService::Query(const domain::Actor& actor, storage::AuditFilter filter,
                                       const std::string& cursor) {
    MOTCUA_RETURN_IF_ERROR(CheckAccess(database_, clock_, actor, domain::Permission::kReadAuditLog,
                                       {}, MakeIsWithin(catalog_.GetSnapshot()),
                                       {"audit.read", "audit_log", ""}));
    if (filter.limit < 1 || filter.limit > 500) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "limit");
    }
    if (!cursor.empty()) {
        const auto before = DecodeCursor(cursor);
        if (!before) {
            return MakeError(ErrorKind::kInvalid, "invalid_cursor", "cursor");
        }
        filter.before_seq = static_cast<std::int64_t>(*before);
    }
    ++filter.limit;  // One more than asked tells whether another page follows.
    AuditPage page;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto found, transaction.Audit().Query(filter));
        page.items = std::move(found);
        return AppendAudit(transaction, MakeAuditEntry(clock_, actor, "audit.read", "audit_log", "",
                                                       AuditOutcome::kOk));
    }));
    if (static_cast<int>(page.items.size()) == filter.limit) {
        page.items.pop_back();
        page.next_cursor = EncodeCursor(static_cast<std::size_t>(page.items.back().seq));
    }
    return page;
}

Outcome<AuditVerification> AuditService::Verify() {
    domain::AuditChainVerifier verifier(key_);
    std::pair<std::int64_t, std::string> head;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_RETURN_IF_ERROR(transaction.Audit().Scan(
            [&](const domain::AuditRecord& record) { return verifier.Feed(record); }));
        MOTCUA_ASSIGN_OR_RETURN(auto recorded, transaction.Audit().GetHead());
        head = recorded;
        return Done{};
    }));
    AuditVerification verification;
    verification.ok = verifier.Finish(head.first, head.second);
    verification.records = verifier.GetCount();
    verification.head_seq = head.first;
    verification.head_hash = head.second;
    if (const auto failure = verifier.GetFailure()) {
        verification.failed_seq = failure->first;
        verification.reason = failure->second;
    }
    return verification;
}

}  // namespace motcua::services
