#include "services/payments/payment_service.hpp"

#include <utility>

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "common/time_format.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/payments/payment_orders.hpp"

namespace motcua::services {
namespace {

/// The `pay` event's channel for a gateway (docs/dossiers.md: online_gateway, online_dvcqg).
std::string PayChannel(std::string_view gateway) {
    return gateway == "payment_platform" ? "online_dvcqg" : "online_gateway";
}

std::string CheckPayload(const std::string& reference) {
    return boost::json::serialize(boost::json::object{{"reference", reference}});
}

/// Whether an action's error came from its rules (nothing was written) rather than storage.
bool RefusedByRules(const Error& error) {
    return error.kind == ErrorKind::kInvalid || error.kind == ErrorKind::kInvalidTransition;
}

}  // namespace

PaymentService::PaymentService(storage::Database& database, CatalogService& catalog,
                               DossierService& dossiers, const Clock& clock, PaymentOptions options)
    : database_(database),
      catalog_(catalog),
      dossiers_(dossiers),
      clock_(clock),
      options_(std::move(options)) {}

void PaymentService::AddGateway(PaymentGateway& gateway) {
    gateways_[std::string(gateway.Name())] = &gateway;
}

std::vector<std::string> PaymentService::GatewayNames() const {
    std::vector<std::string> names;
    names.reserve(gateways_.size());
    for (const auto& [name, gateway] : gateways_) {
        names.push_back(name);
    }
    return names;
}

PaymentGateway* PaymentService::FindGateway(std::string_view name) const {
    const auto found = gateways_.find(name);
    return found == gateways_.end() ? nullptr : found->second;
}

GatewayOrder PaymentService::ToGatewayOrder(const storage::PaymentOrder& order,
                                            const domain::Dossier& dossier,
                                            const std::string& locale,
                                            const std::string& ip) const {
    GatewayOrder sent;
    sent.reference = order.reference;
    sent.amount_vnd = order.amount;
    sent.info = "Nộp phí, lệ phí hồ sơ " + dossier.code;
    sent.created_at = ParseRfc3339(order.created_at).value_or(clock_.Now());
    sent.ip = ip.empty() ? "127.0.0.1" : ip;
    sent.locale = locale == "en" ? "en" : "vn";
    sent.dossier_code = dossier.code;
    sent.procedure_code = dossier.procedure_code;
    sent.agency_code = order.agency;
    const auto snapshot = catalog_.GetSnapshot();
    if (const auto* procedure = snapshot->FindProcedure(dossier.procedure_code)) {
        sent.procedure_name = procedure->name_vi;
    }
    if (const auto* agency = snapshot->FindAgency(order.agency)) {
        sent.agency_name = agency->name_vi;
    }
    sent.payer_name = dossier.applicant.name;
    sent.payer_id_number = dossier.applicant.id_number;
    sent.items = ReadOrderItems(order.items_json);
    return sent;
}

Outcome<storage::PaymentOrder> PaymentService::SendOrder(const domain::Dossier& dossier,
                                                         const std::string& gateway,
                                                         const std::string& opened_by) {
    storage::PaymentOrder sent;
    const Instant now = clock_.Now();
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        // The dossier as it stands now (locked on PostgreSQL, before its orders): what it still
        // owes may have changed since it was read (a part paid at the desk).
        MOTCUA_ASSIGN_OR_RETURN(const auto held, transaction.Dossiers().FindByCode(dossier.code));
        if (!held || held->status != domain::DossierStatus::kAwaitingPayment) {
            return MakeError(ErrorKind::kConflict, "no_payment_order", "code");
        }
        const domain::Procedure* procedure =
            catalog_.GetSnapshot()->FindProcedure(held->procedure_code);
        if (procedure == nullptr) {
            return MakeError(ErrorKind::kConflict, "procedure_missing", held->procedure_code);
        }
        MOTCUA_ASSIGN_OR_RETURN(
            sent, OpenPaymentOrder(transaction, *held, *procedure, now, opened_by, gateway));
        // Should the gateway's callback be lost, the outbox asks the gateway about the order.
        MOTCUA_RETURN_IF_ERROR(
            transaction.Outbox().Enqueue({.connector = gateway,
                                          .dossier_code = dossier.code,
                                          .action = std::string(kPaymentCheckMessage),
                                          .created_at = FormatUtc(now + options_.check_after),
                                          .payload = CheckPayload(sent.reference)}));
        return Done{};
    }));
    return sent;
}

Outcome<OnlinePayment> PaymentService::StartOnline(const domain::Actor& actor,
                                                   const std::string& code,
                                                   const OnlineStart& start) {
    const std::string& gateway = start.gateway;
    MOTCUA_ASSIGN_OR_RETURN(const auto view, dossiers_.Get(actor, code));
    const domain::Dossier& dossier = view.dossier;
    if (actor.account_id == 0 || actor.account_id != dossier.owner_account_id) {
        // Only the applicant pays online; officers collect at the desk.
        return MakeError(ErrorKind::kForbidden, "applicant_pays_online", "code");
    }
    if (dossier.status != domain::DossierStatus::kAwaitingPayment) {
        return MakeError(ErrorKind::kConflict, "no_payment_order", "code");
    }
    PaymentGateway* chosen = FindGateway(gateway);
    if (chosen == nullptr) {
        return MakeError(ErrorKind::kInvalid, "unknown_gateway", "gateway");
    }
    MOTCUA_ASSIGN_OR_RETURN(auto order, SendOrder(dossier, gateway, actor.EventLogin()));
    GatewayOrder sent = ToGatewayOrder(order, dossier, start.locale, start.ip);
    sent.return_url = (options_.public_base_url.empty() ? start.site : options_.public_base_url) +
                      "/api/v1/payments/" + gateway + "/return";
    auto url = chosen->Start(sent);
    if (!url) {
        spdlog::warn("payment {}: {} refused to start: {}", order.reference, gateway,
                     url.GetError().detail);
        return MakeError(ErrorKind::kUnavailable, "gateway_unavailable", "gateway");
    }
    (void)RecordAudit(
        database_,
        MakeAuditEntry(clock_, actor, "payment.start", "dossier", code, AuditOutcome::kOk,
                       boost::json::serialize(boost::json::object{{"reference", order.reference},
                                                                  {"gateway", gateway}})));
    return OnlinePayment{std::move(order), std::move(url).Value()};
}

CallbackAnswer PaymentService::HandleCallback(std::string_view gateway,
                                              const CallbackRequest& request) {
    PaymentGateway* chosen = FindGateway(gateway);
    if (chosen == nullptr) {
        return {.content_type = "application/json", .body = "{}"};
    }
    const GatewayCallback callback = chosen->ReadCallback(request);
    switch (callback.check) {
        case GatewayCallback::Check::kBadSignature:
            spdlog::warn("{} callback refused: bad signature ({})", gateway, callback.detail);
            return chosen->Answer(CallbackReply::kBadSignature);
        case GatewayCallback::Check::kMalformed:
            spdlog::warn("{} callback refused: {}", gateway, callback.detail);
            return chosen->Answer(CallbackReply::kMalformed);
        case GatewayCallback::Check::kVerified:
            break;
    }
    return chosen->Answer(Record(*chosen, callback.payment));
}

CallbackReply PaymentService::Record(const PaymentGateway& gateway, const GatewayPayment& payment) {
    const std::string gateway_name(gateway.Name());
    if (payment.status == GatewayPayment::Status::kPending) {
        return CallbackReply::kMalformed;  // A callback reports a settled transaction.
    }
    CallbackReply reply = CallbackReply::kRecorded;
    const domain::Actor system = domain::Actor::System(gateway_name);
    auto written = database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto& payments = transaction.Payments();
        MOTCUA_ASSIGN_OR_RETURN(const auto seen, payments.FindOrder(payment.reference));
        if (!seen || seen->gateway != gateway_name) {
            reply = CallbackReply::kUnknownOrder;
            return Done{};
        }
        if (seen->amount != payment.amount_vnd) {
            reply = CallbackReply::kAmountMismatch;
            return Done{};
        }
        if (seen->status == "paid") {
            reply = CallbackReply::kAlreadyRecorded;
            return Done{};
        }
        if (payment.status == GatewayPayment::Status::kFailed) {
            return Done{};  // Acknowledged; the applicant may try again (a new order).
        }
        // The dossier first, then its order: the lock order of request_payment.
        MOTCUA_RETURN_IF_ERROR(transaction.Dossiers().FindByCode(seen->dossier_code));
        MOTCUA_ASSIGN_OR_RETURN(const auto locked, payments.FindOrderForUpdate(payment.reference));
        if (!locked || locked->status == "paid") {
            reply = CallbackReply::kAlreadyRecorded;
            return Done{};
        }
        const Instant now = clock_.Now();
        storage::LedgerEntry entry;
        entry.order_id = locked->id;
        entry.dossier_id = locked->dossier_id;
        entry.dossier_code = locked->dossier_code;
        entry.agency = locked->agency;
        entry.channel = gateway_name;
        entry.amount = locked->amount;
        entry.gateway_txn = payment.transaction_no;
        entry.business_date = FormatVietnam(now).substr(0, 10);
        entry.recorded_at = FormatUtc(now);
        entry.recorded_by = system.EventLogin();
        auto recorded = payments.RecordEntry(entry);
        if (!recorded) {
            if (recorded.GetError().code == "already_recorded") {
                reply = CallbackReply::kAlreadyRecorded;
            }
            return recorded.GetError();  // Rolls back whatever this transaction did.
        }
        MOTCUA_RETURN_IF_ERROR(
            payments.UpdateOrder(locked->id, "paid", gateway_name, FormatUtc(now)));
        domain::ActionInput pay;
        pay.action = domain::DossierAction::kPay;
        pay.payment_channel = PayChannel(gateway_name);
        pay.amount = locked->amount;
        pay.note = gateway_name + " " + payment.transaction_no;
        pay.payload_json =
            boost::json::serialize(boost::json::object{{"reference", locked->reference},
                                                       {"gateway", gateway_name},
                                                       {"transaction_no", payment.transaction_no}});
        Error refused;
        auto isolated = transaction.Isolated([&]() -> Outcome<Done> {
            auto applied = dossiers_.ActWithin(transaction, system, locked->dossier_code, pay);
            if (!applied) {
                if (RefusedByRules(applied.GetError())) {
                    refused = applied.GetError();  // Undone; the ledger row stands (below).
                }
                return applied.GetError();
            }
            const auto& paid = applied.Value().dossier;
            if (paid.paid_total < paid.fee_total) {
                return Done{};
            }
            // Settled: the dossier's other open orders are withdrawn.
            return CancelOpenOrders(payments, paid.id);
        });
        if (!isolated && refused.code.empty()) {
            return isolated.GetError();
        }
        std::string detail =
            boost::json::serialize(boost::json::object{{"reference", locked->reference},
                                                       {"amount_vnd", locked->amount},
                                                       {"transaction_no", payment.transaction_no},
                                                       {"applied", refused.code.empty()},
                                                       {"refused", refused.code}});
        if (!refused.code.empty()) {
            // The money was taken: the ledger keeps it, and reconciliation shows it as a
            // credit no dossier took (to refund) — docs/payments.md §3.
            spdlog::warn("payment {} recorded but not applied to {}: {}", locked->reference,
                         locked->dossier_code, refused.code);
        }
        return AppendAudit(transaction, MakeAuditEntry(clock_, system, "payment.record", "dossier",
                                                       locked->dossier_code, AuditOutcome::kOk,
                                                       std::move(detail)));
    });
    if (!written) {
        if (reply == CallbackReply::kAlreadyRecorded) {
            return reply;
        }
        spdlog::warn("payment {} from {} not recorded: {}", payment.reference, gateway_name,
                     written.GetError().detail);
        return CallbackReply::kRetryLater;
    }
    return reply;
}

Outcome<OrderCheck> PaymentService::CheckOrder(std::string_view gateway,
                                               const std::string& reference) {
    PaymentGateway* chosen = FindGateway(gateway);
    if (chosen == nullptr) {
        return MakeError(ErrorKind::kInvalid, "unknown_gateway", "gateway");
    }
    std::optional<storage::PaymentOrder> order;
    std::optional<domain::Dossier> dossier;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(order, transaction.Payments().FindOrder(reference));
        if (order) {
            MOTCUA_ASSIGN_OR_RETURN(dossier,
                                    transaction.Dossiers().FindByCode(order->dossier_code));
        }
        return Done{};
    }));
    if (!order || !dossier || order->gateway != gateway) {
        return MakeError(ErrorKind::kNotFound, "payment_order_not_found", reference);
    }
    if (order->status == "paid") {
        return OrderCheck::kRecorded;
    }
    MOTCUA_ASSIGN_OR_RETURN(const auto answer,
                            chosen->Query(ToGatewayOrder(*order, *dossier, "vn", "127.0.0.1")));
    switch (answer.status) {
        case GatewayPayment::Status::kPending:
            return OrderCheck::kPending;
        case GatewayPayment::Status::kFailed:
            return OrderCheck::kClosed;
        case GatewayPayment::Status::kPaid:
            break;
    }
    switch (Record(*chosen, answer)) {
        case CallbackReply::kRecorded:
        case CallbackReply::kAlreadyRecorded:
            return OrderCheck::kRecorded;
        case CallbackReply::kRetryLater:
            return MakeError(ErrorKind::kUnavailable, "unavailable", reference);
        default:
            // An amount that is not the order's: nothing recorded; reconciliation lists it.
            spdlog::warn("payment {}: {} reports {} đồng, not recorded", reference, gateway,
                         answer.amount_vnd);
            return OrderCheck::kClosed;
    }
}

std::string PaymentService::DossierOfReference(const std::string& reference) {
    std::string code;
    if (reference.empty()) {
        return code;
    }
    (void)database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(const auto order, transaction.Payments().FindOrder(reference));
        if (order) {
            code = order->dossier_code;
        }
        return Done{};
    });
    return code;
}

Outcome<DossierPayments> PaymentService::ListOfDossier(const domain::Actor& actor,
                                                       const std::string& code) {
    MOTCUA_ASSIGN_OR_RETURN(const auto view, dossiers_.Get(actor, code));
    DossierPayments listed;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto& payments = transaction.Payments();
        MOTCUA_ASSIGN_OR_RETURN(listed.orders, payments.OrdersOfDossier(view.dossier.id));
        storage::LedgerFilter filter;
        filter.dossier_id = view.dossier.id;
        MOTCUA_ASSIGN_OR_RETURN(listed.entries, payments.ListEntries(filter));
        return Done{};
    }));
    return listed;
}

}  // namespace motcua::services
