#include "services/payments/refunds.hpp"

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"

namespace motcua::services {

Outcome<storage::LedgerEntry> PaymentRefunds::Refund(const domain::Actor& actor,
                                                     std::int64_t payment_id,
                                                     const domain::RefundClaim& claim) {
    const auto snapshot = catalog_.GetSnapshot();
    const auto is_within = MakeIsWithin(snapshot);
    const Instant now = clock_.Now();
    storage::LedgerEntry refund;
    auto written = database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto& payments = transaction.Payments();
        MOTCUA_ASSIGN_OR_RETURN(const auto paid, payments.FindEntry(payment_id));
        if (!paid || paid->kind != "payment") {
            return MakeError(ErrorKind::kNotFound, "payment_not_found", "id");
        }
        if (!domain::IsAllowed(actor, domain::Permission::kCollectPayment, {paid->agency, 0},
                               is_within)) {
            return AccessDenied(actor);
        }
        MOTCUA_ASSIGN_OR_RETURN(const auto amount, domain::CheckRefund(claim, paid->amount));
        refund.dossier_id = paid->dossier_id;
        refund.dossier_code = paid->dossier_code;
        refund.agency = paid->agency;
        refund.kind = "refund";
        refund.channel = claim.method.empty() ? "cash" : claim.method;
        refund.amount = amount;
        refund.gateway_txn = claim.reference;
        refund.business_date = FormatVietnam(now).substr(0, 10);
        refund.recorded_at = FormatUtc(now);
        refund.recorded_by = actor.EventLogin();
        refund.reason = claim.reason;
        refund.refund_of = paid->id;
        auto recorded = payments.RecordEntry(refund);
        if (!recorded) {
            return recorded.GetError().code == "already_recorded"
                       ? MakeError(ErrorKind::kConflict, "already_refunded", "id")
                       : recorded.GetError();
        }
        refund.id = recorded.Value();
        return AppendAudit(transaction, MakeAuditEntry(clock_, actor, "payment.refund", "dossier",
                                                       paid->dossier_code, AuditOutcome::kOk,
                                                       boost::json::serialize(boost::json::object{
                                                           {"payment", paid->id},
                                                           {"refund", refund.id},
                                                           {"amount_vnd", amount},
                                                           {"channel", refund.channel}})));
    });
    if (!written) {
        if (written.GetError().kind == ErrorKind::kForbidden) {
            (void)RecordAudit(database_,
                              MakeAuditEntry(clock_, actor, "payment.refund", "payment",
                                             std::to_string(payment_id), AuditOutcome::kDenied));
        }
        return written.GetError();
    }
    return refund;
}

}  // namespace motcua::services
