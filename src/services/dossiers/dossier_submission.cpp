// DossierService::Submit: a dossier submitted online by its applicant or received at the desk.
#include <algorithm>
#include <cstdio>

#include "common/time_format.hpp"
#include "domain/access/account.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/dossiers/dossier_access.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "services/indicators/indicator_feed.hpp"

namespace motcua::services {
namespace {

using domain::DossierAction;

std::string DayCode(Instant at) {
    const std::chrono::year_month_day date{domain::calendar::ToLocalDateTime(at).date};
    char text[8];
    std::snprintf(text, sizeof text, "%02d%02u%02u", static_cast<int>(date.year()) % 100,
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

// Where a procedure may be received: commune-level ones at any commune (or its centre);
// province-level ones at their receiving or competent agency or an agency inside them.
bool IsReceivableAt(const CatalogSnapshot& snapshot, const domain::Procedure& procedure,
                    const domain::Agency& agency) {
    if (procedure.level == domain::ProcedureLevel::kCommune) {
        return agency.kind == domain::AgencyKind::kCommune ||
               agency.kind == domain::AgencyKind::kCommuneServiceCentre;
    }
    for (const auto* code : {&procedure.receiving_agency, &procedure.competent_agency}) {
        if (!code->empty() && snapshot.IsWithin(agency.code, *code)) {
            return true;
        }
    }
    return false;
}

}  // namespace

Outcome<Done> ValidateApplicant(const domain::Applicant& applicant) {
    const auto kind = applicant.kind == "organisation" ? domain::AccountKind::kOrganisation
                                                       : domain::AccountKind::kCitizen;
    if (applicant.kind != "citizen" && applicant.kind != "organisation") {
        return InvalidDossierInput("applicant.kind");
    }
    if (!domain::IsValidLogin(kind, applicant.id_number)) {
        return InvalidDossierInput("applicant.id_number");
    }
    if (applicant.name.empty() || applicant.name.size() > 200) {
        return InvalidDossierInput("applicant.name");
    }
    return Done{};
}

Outcome<DossierView> DossierService::Submit(const domain::Actor& actor, NewDossier request) {
    const auto snapshot = catalog_.GetSnapshot();
    const auto is_within = MakeIsWithin(snapshot);
    const domain::Procedure* found = snapshot->FindProcedure(request.procedure_code);
    if (found == nullptr) {
        return InvalidDossierInput("procedure");
    }
    const domain::Procedure& procedure = *found;
    const domain::Agency* agency = snapshot->FindAgency(request.agency);
    if (agency == nullptr || !IsReceivableAt(*snapshot, procedure, *agency)) {
        return InvalidDossierInput("agency");
    }
    // Taken in from the national portal: the citizen signed in there, not here.
    const bool portal_intake = actor.is_system && request.channel == domain::Channel::kOnline &&
                               !request.national_code.empty();
    const bool applicant_submits = request.channel == domain::Channel::kOnline &&
                                   domain::IsAllowed(actor, domain::Permission::kSubmitDossier,
                                                     {agency->code, actor.account_id}, is_within) &&
                                   !actor.is_system;
    const bool desk_receives =
        request.channel != domain::Channel::kOnline && CanReceiveAt(actor, agency->code, is_within);
    if (!applicant_submits && !desk_receives && !portal_intake) {
        RecordDenied(actor, "dossier.create", request.procedure_code);
        return AccessDenied(actor);
    }
    if (applicant_submits) {
        // Applicants file for themselves: identity and name come from the account, never from
        // the body (which gives contact details only), so no one files in another's name.
        request.applicant.kind =
            actor.kind == domain::AccountKind::kOrganisation ? "organisation" : "citizen";
        request.applicant.id_number = actor.login;
        request.applicant.name = actor.name;
    }
    MOTCUA_RETURN_IF_ERROR(ValidateApplicant(request.applicant));
    if (std::find(procedure.applicant_kinds.begin(), procedure.applicant_kinds.end(),
                  request.applicant.kind) == procedure.applicant_kinds.end()) {
        return MakeError(ErrorKind::kInvalid, "applicant_kind_not_allowed", "applicant.kind");
    }
    if (request.channel == domain::Channel::kOnline &&
        procedure.online_level == domain::OnlineLevel::kNone) {
        return MakeError(ErrorKind::kInvalid, "procedure_not_online", "procedure");
    }
    MOTCUA_ASSIGN_OR_RETURN(const auto fee_due,
                            domain::ComputeFeeDue(procedure, request.fee_request));
    // At most 200 visible ASCII characters: the key is stored and compared as it is.
    if (request.idempotency_key.size() > 200 ||
        !std::all_of(request.idempotency_key.begin(), request.idempotency_key.end(),
                     [](char c) { return c > ' ' && c < 127; })) {
        return InvalidDossierInput("Idempotency-Key");
    }
    const auto deadlines = GetDeadlines();
    const Instant now = clock_.Now();
    if (applicant_submits) {
        if (const auto wait = submission_rate_.Admit(actor.account_id, now)) {
            Error error = MakeError(ErrorKind::kRateLimited, "too_many_submissions");
            error.retry_after_seconds = static_cast<int>(wait->count());
            return error;
        }
    }
    domain::ActionInput input;
    input.action =
        applicant_submits || portal_intake ? DossierAction::kSubmit : DossierAction::kReceive;
    input.at = portal_intake && request.submitted_at.has_value() && *request.submitted_at <= now
                   ? *request.submitted_at
                   : now;
    input.actor_id = actor.account_id;
    input.actor_login = actor.EventLogin();
    input.actor_agency = agency->code;
    input.note = request.note;
    input.payload_json = request.payload_json;
    DossierView view;
    auto written = database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto& dossiers = transaction.Dossiers();
        if (!request.idempotency_key.empty()) {
            MOTCUA_ASSIGN_OR_RETURN(auto earlier, dossiers.FindIdempotencyKey(
                                                      actor.account_id, request.idempotency_key));
            if (earlier) {
                MOTCUA_ASSIGN_OR_RETURN(auto existing, dossiers.FindByCode(*earlier));
                view = View(actor, std::move(*existing), is_within);
                view.created = false;
                return Done{};
            }
        }
        if (applicant_submits &&
            (request.applicant.phone.empty() || request.applicant.email.empty())) {
            // The desk and the receipt slip need a way to reach the applicant: the account's.
            auto account = transaction.Accounts().FindById(actor.account_id);
            if (account && account.Value()) {
                if (request.applicant.phone.empty()) {
                    request.applicant.phone = account.Value()->phone;
                }
                if (request.applicant.email.empty()) {
                    request.applicant.email = account.Value()->email;
                }
            }
        }
        MOTCUA_ASSIGN_OR_RETURN(auto sequence,
                                dossiers.NextDailySequence(agency->code, DayCode(input.at)));
        const std::chrono::year_month_day day{domain::calendar::ToLocalDateTime(input.at).date};
        auto dossier = domain::InitializeDossier(
            procedure,
            domain::FormatDossierCode(agency->code, day, sequence, options_.code_format,
                                      options_.code_system_digits),
            agency->code, request.channel, request.applicant,
            applicant_submits ? actor.account_id : 0);
        dossier.fee_total = fee_due.total;
        dossier.fee_copies = request.fee_request.copies;
        dossier.fee_exemption = request.fee_request.exemption;
        MOTCUA_ASSIGN_OR_RETURN(
            auto applied, domain::ApplyAction(dossier, input, procedure, deadlines.Context()));
        auto& created = applied;
        MOTCUA_ASSIGN_OR_RETURN(auto id, dossiers.Insert(created.dossier));
        created.dossier.id = id;
        MOTCUA_RETURN_IF_ERROR(dossiers.AppendEvent(id, created.event));
        MOTCUA_RETURN_IF_ERROR(EnqueueOutbox(transaction, created.dossier, created.event));
        MOTCUA_RETURN_IF_ERROR(
            FeedIndicators(transaction, procedure, {}, {&created.dossier, {&created.event, 1}}));
        if (!request.idempotency_key.empty()) {
            MOTCUA_RETURN_IF_ERROR(
                dossiers.RememberIdempotencyKey(actor.account_id, request.idempotency_key,
                                                created.dossier.code, FormatUtc(input.at)));
        }
        MOTCUA_RETURN_IF_ERROR(AppendAudit(
            transaction, MakeAuditEntry(clock_, actor,
                                        "dossier." + std::string(domain::ActionName(input.action)),
                                        "dossier", created.dossier.code, AuditOutcome::kOk)));
        view = View(actor, std::move(created.dossier), is_within);
        return Done{};
    });
    if (applicant_submits && (!written || !view.created)) {
        submission_rate_.TakeBack(actor.account_id, now);  // Nothing new was created.
    }
    if (!written) {
        return written.GetError();
    }
    return view;
}

}  // namespace motcua::services
