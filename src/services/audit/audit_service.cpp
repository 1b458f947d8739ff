#include "services/audit/audit_service.hpp"

#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "common/time_format.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_anchor_message.hpp"
#include "services/audit/audit_entry.hpp"

namespace motcua::services {

AuditService::AuditService(storage::Database& database, CatalogService& catalog, const Clock& clock,
                           std::string key, storage::AuditAnchorFile anchors, AuditWitness* witness)
    : database_(database),
      catalog_(catalog),
      clock_(clock),
      key_(std::move(key)),
      anchors_(std::move(anchors)),
      witness_(witness) {}

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

namespace {

/// An anchor as verification uses it: what the row's hash must be, and where that was said.
struct KnownAnchor {
    std::string hash;
    std::string named_by;  // "the anchor of <time>", "the witness's anchor of <time>".
};

using Failure = std::pair<std::int64_t, std::string>;

/// The anchors of the file and of the witness by seq; a seq the two hold with different hashes
/// is the first failure (one of them was forged).
std::map<std::int64_t, KnownAnchor> MergeAnchors(const std::vector<storage::AuditAnchor>& local,
                                                 const std::vector<storage::AuditAnchor>& witnessed,
                                                 std::optional<Failure>& failure) {
    std::map<std::int64_t, KnownAnchor> anchored;
    for (const auto& anchor : local) {
        anchored[anchor.seq] = {anchor.hash, "the anchor of " + anchor.at};
    }
    for (const auto& anchor : witnessed) {
        const auto [found, added] = anchored.try_emplace(
            anchor.seq, KnownAnchor{anchor.hash, "the witness's anchor of " + anchor.at});
        if (!added && found->second.hash != anchor.hash && !failure) {
            failure.emplace(anchor.seq, found->second.named_by +
                                            " differs from the witness's anchor of " + anchor.at);
        }
    }
    return anchored;
}

}  // namespace

Outcome<AuditVerification> AuditService::Verify() {
    MOTCUA_ASSIGN_OR_RETURN(auto anchors, anchors_.ReadAll());
    std::vector<storage::AuditAnchor> witnessed;
    if (witness_ != nullptr) {
        MOTCUA_ASSIGN_OR_RETURN(witnessed, witness_->ListAnchors());
    }
    std::optional<Failure> anchor_failure;
    const auto anchored = MergeAnchors(anchors, witnessed, anchor_failure);
    domain::AuditChainVerifier verifier(key_);
    std::pair<std::int64_t, std::string> head;
    std::int64_t last_seq = 0;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_RETURN_IF_ERROR(transaction.Audit().Scan([&](const domain::AuditRecord& record) {
            last_seq = record.seq;
            const auto found = anchored.find(record.seq);
            if (found != anchored.end() && found->second.hash != record.hash && !anchor_failure) {
                anchor_failure.emplace(record.seq, "differs from " + found->second.named_by);
            }
            return verifier.Feed(record);
        }));
        MOTCUA_ASSIGN_OR_RETURN(auto recorded, transaction.Audit().GetHead());
        head = recorded;
        return Done{};
    }));
    AuditVerification verification;
    verification.ok = verifier.Finish(head.first, head.second);
    verification.records = verifier.GetCount();
    verification.head_seq = head.first;
    verification.head_hash = head.second;
    verification.anchors = static_cast<std::int64_t>(anchored.size());
    verification.witnessed = static_cast<std::int64_t>(witnessed.size());
    verification.witness_checked = witness_ != nullptr;
    if (const auto failure = verifier.GetFailure()) {
        verification.failed_seq = failure->first;
        verification.reason = failure->second;
        return verification;
    }
    if (!anchored.empty() && anchored.rbegin()->first > last_seq && !anchor_failure) {
        // The newest rows are gone, and the head was rolled back to hide it.
        const auto newest = anchored.rbegin();
        anchor_failure.emplace(last_seq + 1, "missing: " + newest->second.named_by + " names row " +
                                                 std::to_string(newest->first) +
                                                 ", the log ends at row " +
                                                 std::to_string(last_seq));
    }
    if (anchor_failure) {
        verification.ok = false;
        verification.failed_seq = anchor_failure->first;
        verification.reason = anchor_failure->second;
    }
    return verification;
}

Outcome<bool> AuditService::AnchorHead() {
    const std::lock_guard lock(anchor_mutex_);
    if (anchored_seq_ < 0) {
        MOTCUA_ASSIGN_OR_RETURN(auto anchors, anchors_.ReadAll());
        anchored_seq_ = anchors.empty() ? 0 : anchors.back().seq;
    }
    std::pair<std::int64_t, std::string> head;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(head, transaction.Audit().GetHead());
        return Done{};
    }));
    if (head.first <= anchored_seq_) {
        return false;
    }
    const storage::AuditAnchor anchor{FormatUtc(clock_.Now()), head.first, head.second};
    MOTCUA_RETURN_IF_ERROR(anchors_.Append(anchor));
    if (witness_ != nullptr) {
        // A failure here leaves anchored_seq_ behind: the next round anchors again (the file
        // holds the seq twice, which is harmless; the witness gets it once).
        MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) {
            return transaction.Outbox().Enqueue({.connector = std::string(witness_->WitnessName()),
                                                 .action = std::string(kAuditAnchorMessage),
                                                 .created_at = anchor.at,
                                                 .payload = AnchorPayload(anchor)});
        }));
    }
    anchored_seq_ = head.first;
    return true;
}

}  // namespace motcua::services
