// DossierService::Act: one lifecycle action on a dossier (domain/dossier/lifecycle.hpp), with
// its event, its indicator counters, its data-store deposit and its audit record in one
// transaction.
#include <algorithm>

#include "domain/dossier/desk_payment.hpp"
#include "domain/dossier/transitions.hpp"
#include "reporting/dossier_facts.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/documents/document_deposits.hpp"
#include "services/dossiers/dossier_access.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "services/indicators/indicator_feed.hpp"
#include "services/payments/desk_payment.hpp"
#include "services/payments/payment_orders.hpp"

namespace motcua::services {

using domain::DossierAction;

Outcome<DossierView> DossierService::Act(const domain::Actor& actor, const std::string& code,
                                         domain::ActionInput input) {
    return Apply(actor, code, std::move(input), Locking::kWait);
}

Outcome<DossierView> DossierService::ActWithin(storage::Transaction& transaction,
                                               const domain::Actor& actor, const std::string& code,
                                               domain::ActionInput input) {
    bool denied = false;
    return ApplyIn(transaction, actor, code, std::move(input), Locking::kWait, denied);
}

Outcome<DossierView> DossierService::Apply(const domain::Actor& actor, const std::string& code,
                                           domain::ActionInput input, Locking locking) {
    const std::string action_name = std::string("dossier.") + domain::ActionName(input.action);
    bool denied = false;
    DossierView view;
    auto written = database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(view, ApplyIn(transaction, actor, code, input, locking, denied));
        return Done{};
    });
    if (!written) {
        if (denied) {
            RecordDenied(actor, action_name, code);
        }
        return written.GetError();
    }
    return view;
}

Outcome<DossierView> DossierService::ApplyIn(storage::Transaction& transaction,
                                             const domain::Actor& actor, const std::string& code,
                                             domain::ActionInput input, Locking locking,
                                             bool& denied) {
    const auto snapshot = catalog_.GetSnapshot();
    const auto is_within = MakeIsWithin(snapshot);
    const auto deadlines = GetDeadlines();
    if (!input.to_agency.empty() && snapshot->FindAgency(input.to_agency) == nullptr) {
        return InvalidDossierInput("to_agency");
    }
    input.actor_id = actor.account_id;
    input.actor_login = actor.EventLogin();
    if (actor.IsAnonymous()) {
        return AccessDenied(actor);  // Before any lookup: existence is not revealed.
    }
    auto& dossiers = transaction.Dossiers();
    MOTCUA_ASSIGN_OR_RETURN(auto loaded, locking == Locking::kWait
                                             ? dossiers.FindByCode(code)
                                             : dossiers.FindUnlockedByCode(code));
    if (!loaded || !CanRead(actor, *loaded, is_within)) {
        denied = loaded.has_value();
        return DossierNotFound(code);
    }
    const domain::Dossier& dossier = *loaded;
    // The instant is taken once the dossier is held (PostgreSQL: its row is locked, so a
    // concurrent action on it has committed), and never before its last event — another
    // server's clock may run a little ahead of this one's.
    input.at = std::max(clock_.Now(), dossier.last_event_at.value_or(Instant{}));
    auto next_status = domain::NextStatus(dossier.status, input.action);
    if (!next_status || input.action == DossierAction::kSubmit ||
        input.action == DossierAction::kReceive) {
        return InvalidTransition(input.action, View(actor, dossier, is_within).allowed_actions);
    }
    if (!CanAct(actor, dossier, input.action, is_within)) {
        denied = true;
        return AccessDenied(actor);
    }
    if (input.action == DossierAction::kPay && input.payment_channel.starts_with("online_") &&
        !actor.is_system) {
        // An online payment is recorded only from the gateway's verified callback (the
        // system), so no one can type one in to lift the online-payment indicator.
        denied = true;
        return MakeError(ErrorKind::kForbidden, "online_payment_by_gateway_only", "channel");
    }
    const domain::Procedure* procedure = snapshot->FindProcedure(dossier.procedure_code);
    if (procedure == nullptr) {
        return MakeError(ErrorKind::kConflict, "procedure_missing", dossier.procedure_code);
    }
    input.actor_agency = dossier.current_agency;
    if (input.action == DossierAction::kPay && input.payment_channel == "desk") {
        MOTCUA_RETURN_IF_ERROR(domain::CheckDeskPayment(input));
    }
    if (input.action == DossierAction::kReuse && input.document != 0) {
        // tái sử dụng (reuse) of a paper the applicant's data store holds.
        MOTCUA_RETURN_IF_ERROR(PrepareReuse(transaction, dossier, *procedure, input));
    }
    MOTCUA_ASSIGN_OR_RETURN(auto result,
                            domain::ApplyAction(dossier, input, *procedure, deadlines.Context()));
    MOTCUA_RETURN_IF_ERROR(WriteAction(transaction, actor, *procedure, dossier, input, result));
    return View(actor, std::move(result.dossier), is_within);
}

Outcome<Done> DossierService::WriteAction(storage::Transaction& transaction,
                                          const domain::Actor& actor,
                                          const domain::Procedure& procedure,
                                          const domain::Dossier& before,
                                          const domain::ActionInput& input,
                                          const domain::ActionResult& result) {
    auto& dossiers = transaction.Dossiers();
    if (input.action == DossierAction::kRequestPayment) {
        // yêu cầu thực hiện nghĩa vụ tài chính: the order the applicant pays, item by item.
        MOTCUA_RETURN_IF_ERROR(
            OpenPaymentOrder(transaction, result.dossier, procedure, input.at, input.actor_login));
    }
    if (input.action == DossierAction::kPay && input.payment_channel == "desk") {
        MOTCUA_RETURN_IF_ERROR(RecordDeskPayment(transaction, result.dossier, input));
    }
    if (input.file_origin == domain::FileOrigin::kUpload && !input.file_sha256.empty()) {
        MOTCUA_RETURN_IF_ERROR(LinkUpload(transaction, result.dossier, input));
    }
    // The indicator counters change in the same transaction as the event that moves them.
    // Only the events the facts read are loaded, before the new one is stored: a dossier may
    // carry a long history.
    MOTCUA_ASSIGN_OR_RETURN(auto history,
                            dossiers.ListEventsOf(before.id, reporting::kFactEventActions));
    MOTCUA_RETURN_IF_ERROR(dossiers.Update(result.dossier));
    MOTCUA_RETURN_IF_ERROR(dossiers.AppendEvent(result.dossier.id, result.event));
    MOTCUA_RETURN_IF_ERROR(EnqueueOutbox(transaction, result.dossier, result.event));
    MOTCUA_RETURN_IF_ERROR(RecordInDataStore(transaction, procedure, result.dossier, input));
    MOTCUA_RETURN_IF_ERROR(FeedAction(transaction, procedure, {before, std::move(history)},
                                      {result.dossier, result.event}));
    const std::string action_name = std::string("dossier.") + domain::ActionName(input.action);
    return AppendAudit(transaction, MakeAuditEntry(clock_, actor, action_name, "dossier",
                                                   before.code, AuditOutcome::kOk));
}

}  // namespace motcua::services
