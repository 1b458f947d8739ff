#include "services/dossiers/dossier_service.hpp"

#include <algorithm>

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "common/time_format.hpp"
#include "domain/access/account.hpp"
#include "domain/dossier/transitions.hpp"
#include "reporting/dossier_facts.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/auth/credentials.hpp"
#include "services/dossiers/dossier_access.hpp"
#include "services/indicators/indicator_feed.hpp"

namespace motcua::services {
namespace {

using domain::DossierAction;

Error Invalid(std::string param) {
    return MakeError(ErrorKind::kInvalid, "invalid_parameter", std::move(param));
}

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

std::string EncodeDossierCursor(const domain::Dossier& dossier, storage::DossierOrder order) {
    if (order == storage::DossierOrder::kNewestFirst) {
        return "n" + std::to_string(dossier.id);
    }
    return "d" + (dossier.due_at ? FormatUtc(*dossier.due_at) : std::string("9999")) + "~" +
           std::to_string(dossier.id);
}

bool DecodeDossierCursor(const std::string& cursor, storage::DossierFilter& filter) {
    try {
        if (cursor.size() > 1 && cursor[0] == 'n') {
            filter.after_id = std::stoll(cursor.substr(1));
            return filter.after_id > 0;
        }
        const auto tilde = cursor.find('~');
        if (cursor.size() > 1 && cursor[0] == 'd' && tilde != std::string::npos) {
            filter.after_key = cursor.substr(1, tilde - 1);
            filter.after_id = std::stoll(cursor.substr(tilde + 1));
            return filter.after_id > 0 && !filter.after_key.empty();
        }
    } catch (const std::exception&) {
        return false;
    }
    return false;
}

}  // namespace

Outcome<Done> ValidateApplicant(const domain::Applicant& applicant) {
    const auto kind = applicant.kind == "organisation" ? domain::AccountKind::kOrganisation
                                                       : domain::AccountKind::kCitizen;
    if (applicant.kind != "citizen" && applicant.kind != "organisation") {
        return Invalid("applicant.kind");
    }
    if (!domain::IsValidLogin(kind, applicant.id_number)) {
        return Invalid("applicant.id_number");
    }
    if (applicant.name.empty() || applicant.name.size() > 200) {
        return Invalid("applicant.name");
    }
    return Done{};
}

Error DossierNotFound(const std::string& code) {
    return MakeError(ErrorKind::kNotFound, "dossier_not_found", code);
}

Error InvalidTransition(DossierAction action, const std::vector<DossierAction>& allowed) {
    Error error =
        MakeError(ErrorKind::kInvalidTransition, "invalid_transition", domain::ActionName(action));
    for (const auto each : allowed) {
        error.allowed_actions.emplace_back(domain::ActionName(each));
    }
    return error;
}

DossierService::DossierService(storage::Database& database, CatalogService& catalog,
                               DeadlineSource& deadlines, const Clock& clock,
                               DossierOptions options)
    : database_(database),
      catalog_(catalog),
      deadlines_(deadlines),
      clock_(clock),
      options_(std::move(options)) {}

DossierService::Deadlines DossierService::GetDeadlines() {
    return {deadlines_.GetCalendar(), deadlines_.GetOfficeHours()};
}

DossierView DossierService::View(const domain::Actor& actor, domain::Dossier dossier,
                                 const domain::IsWithinAgency& is_within) const {
    DossierView view;
    view.due_state = domain::ClassifyDossier(dossier, clock_.Now(), options_.due_soon_threshold);
    for (const auto action : domain::AllowedActions(dossier.status)) {
        if (CanAct(actor, dossier, action, is_within)) {
            view.allowed_actions.push_back(action);
        }
    }
    view.dossier = std::move(dossier);
    return view;
}

void DossierService::RecordDenied(const domain::Actor& actor, const std::string& action,
                                  const std::string& code) {
    (void)RecordAudit(
        database_, MakeAuditEntry(clock_, actor, action, "dossier", code, AuditOutcome::kDenied));
}

Outcome<DossierView> DossierService::Submit(const domain::Actor& actor, NewDossier request) {
    const auto snapshot = catalog_.GetSnapshot();
    const auto is_within = MakeIsWithin(snapshot);
    const domain::Procedure* found = snapshot->FindProcedure(request.procedure_code);
    if (found == nullptr) {
        return Invalid("procedure");
    }
    const domain::Procedure& procedure = *found;
    const domain::Agency* agency = snapshot->FindAgency(request.agency);
    if (agency == nullptr || !IsReceivableAt(*snapshot, procedure, *agency)) {
        return Invalid("agency");
    }
    const bool applicant_submits = request.channel == domain::Channel::kOnline &&
                                   domain::IsAllowed(actor, domain::Permission::kSubmitDossier,
                                                     {agency->code, actor.account_id}, is_within) &&
                                   !actor.is_system;
    const bool desk_receives =
        request.channel != domain::Channel::kOnline && CanReceiveAt(actor, agency->code, is_within);
    if (!applicant_submits && !desk_receives) {
        RecordDenied(actor, "dossier.create", request.procedure_code);
        return AccessDenied(actor);
    }
    if (applicant_submits) {
        // Applicants file for themselves: identity comes from the account.
        request.applicant.kind =
            actor.kind == domain::AccountKind::kOrganisation ? "organisation" : "citizen";
        request.applicant.id_number = actor.login;
        if (request.applicant.name.empty()) {
            request.applicant.name = actor.name;
        }
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
    if (request.idempotency_key.size() > 200) {
        return Invalid("Idempotency-Key");
    }
    const auto deadlines = GetDeadlines();
    domain::ActionInput input;
    input.action = applicant_submits ? DossierAction::kSubmit : DossierAction::kReceive;
    input.at = clock_.Now();
    input.actor_id = actor.account_id;
    input.actor_login = actor.login;
    input.actor_agency = agency->code;
    input.note = request.note;
    input.payload_json = request.payload_json;
    DossierView view;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto& dossiers = transaction.Dossiers();
        if (!request.idempotency_key.empty()) {
            auto earlier = dossiers.FindIdempotencyKey(actor.account_id, request.idempotency_key);
            if (!earlier) {
                return earlier.GetError();
            }
            if (earlier.Value()) {
                auto existing = dossiers.FindByCode(*earlier.Value());
                if (!existing) {
                    return existing.GetError();
                }
                view = View(actor, std::move(*existing.Value()), is_within);
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
        auto sequence = dossiers.NextDailySequence(agency->code, DayCode(input.at));
        if (!sequence) {
            return sequence.GetError();
        }
        const std::chrono::year_month_day day{domain::calendar::ToLocalDateTime(input.at).date};
        auto dossier = domain::InitializeDossier(
            procedure,
            domain::FormatDossierCode(agency->code, day, sequence.Value(), options_.code_format,
                                      options_.code_system_digits),
            agency->code, request.channel, request.applicant,
            applicant_submits ? actor.account_id : 0);
        auto applied = domain::ApplyAction(dossier, input, procedure, deadlines.Context());
        if (!applied) {
            return applied.GetError();
        }
        auto& created = applied.Value();
        auto id = dossiers.Insert(created.dossier);
        if (!id) {
            return id.GetError();
        }
        created.dossier.id = id.Value();
        MOTCUA_RETURN_IF_ERROR(dossiers.AppendEvent(id.Value(), created.event));
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
    }));
    return view;
}

Outcome<DossierView> DossierService::Act(const domain::Actor& actor, const std::string& code,
                                         domain::ActionInput input) {
    return Apply(actor, code, std::move(input), Locking::kWait);
}

Outcome<DossierView> DossierService::Apply(const domain::Actor& actor, const std::string& code,
                                           domain::ActionInput input, Locking locking) {
    const auto snapshot = catalog_.GetSnapshot();
    const auto is_within = MakeIsWithin(snapshot);
    const auto deadlines = GetDeadlines();
    if (!input.to_agency.empty() && snapshot->FindAgency(input.to_agency) == nullptr) {
        return Invalid("to_agency");
    }
    input.actor_id = actor.account_id;
    input.actor_login = actor.is_system ? "system:" + actor.name : actor.login;
    const std::string action_name = std::string("dossier.") + domain::ActionName(input.action);
    if (actor.IsAnonymous()) {
        return AccessDenied(actor);  // Before any lookup: existence is not revealed.
    }
    bool denied = false;
    DossierView view;
    auto written = database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto& dossiers = transaction.Dossiers();
        auto loaded = locking == Locking::kWait ? dossiers.FindByCode(code)
                                                : dossiers.FindUnlockedByCode(code);
        if (!loaded) {
            return loaded.GetError();
        }
        if (!loaded.Value() || !CanRead(actor, *loaded.Value(), is_within)) {
            denied = loaded.Value().has_value();
            return DossierNotFound(code);
        }
        const domain::Dossier& dossier = *loaded.Value();
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
        const domain::Procedure* procedure = snapshot->FindProcedure(dossier.procedure_code);
        if (procedure == nullptr) {
            return MakeError(ErrorKind::kConflict, "procedure_missing", dossier.procedure_code);
        }
        input.actor_agency = dossier.current_agency;
        auto applied = domain::ApplyAction(dossier, input, *procedure, deadlines.Context());
        if (!applied) {
            return applied.GetError();
        }
        auto& result = applied.Value();
        MOTCUA_RETURN_IF_ERROR(dossiers.Update(result.dossier));
        MOTCUA_RETURN_IF_ERROR(dossiers.AppendEvent(result.dossier.id, result.event));
        // The indicator counters change in the same transaction as the event that moves them.
        // Only the events the facts read are loaded: a dossier may carry a long history.
        auto history = dossiers.ListEventsOf(dossier.id, reporting::kFactEventActions);
        if (!history) {
            return history.GetError();
        }
        auto events = std::move(history).Value();
        const bool new_is_fact =
            std::find(reporting::kFactEventActions.begin(), reporting::kFactEventActions.end(),
                      result.event.action) != reporting::kFactEventActions.end();
        // The new event is already stored: it ends the list when it is one of them.
        const std::size_t before_count = events.size() - (new_is_fact ? 1 : 0);
        MOTCUA_RETURN_IF_ERROR(FeedIndicators(
            transaction, *procedure,
            {&dossier, std::span<const domain::DossierEvent>(events.data(), before_count)},
            {&result.dossier, events}));
        MOTCUA_RETURN_IF_ERROR(AppendAudit(
            transaction,
            MakeAuditEntry(clock_, actor, action_name, "dossier", code, AuditOutcome::kOk)));
        view = View(actor, std::move(result.dossier), is_within);
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

Outcome<std::optional<domain::Dossier>> DossierService::FindDossier(const std::string& code) {
    std::optional<domain::Dossier> dossier;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto loaded = transaction.Dossiers().FindByCode(code);
        if (!loaded) {
            return loaded.GetError();
        }
        dossier = std::move(loaded).Value();
        return Done{};
    }));
    return dossier;
}

Outcome<domain::Dossier> DossierService::LoadVisible(const domain::Actor& actor,
                                                     const std::string& code,
                                                     const domain::IsWithinAgency& is_within) {
    if (actor.IsAnonymous()) {
        return AccessDenied(actor);  // Whether or not it exists: the public uses the lookup.
    }
    auto found = FindDossier(code);
    if (!found) {
        return found.GetError();
    }
    std::optional<domain::Dossier> dossier = std::move(found).Value();
    if (!dossier || !CanRead(actor, *dossier, is_within)) {
        if (dossier) {
            RecordDenied(actor, "dossier.read", code);
        }
        return DossierNotFound(code);
    }
    // Reading a dossier is reading a person's data: it is audited.
    MOTCUA_RETURN_IF_ERROR(RecordAudit(
        database_,
        MakeAuditEntry(clock_, actor, "dossier.read", "dossier", code, AuditOutcome::kOk)));
    return *std::move(dossier);
}

Outcome<DossierView> DossierService::Get(const domain::Actor& actor, const std::string& code) {
    const auto is_within = MakeIsWithin(catalog_.GetSnapshot());
    auto dossier = LoadVisible(actor, code, is_within);
    if (!dossier) {
        return dossier.GetError();
    }
    return View(actor, std::move(dossier).Value(), is_within);
}

Outcome<std::vector<domain::DossierEvent>> DossierService::GetEvents(const domain::Actor& actor,
                                                                     const std::string& code) {
    const auto is_within = MakeIsWithin(catalog_.GetSnapshot());
    auto dossier = LoadVisible(actor, code, is_within);
    if (!dossier) {
        return dossier.GetError();
    }
    std::vector<domain::DossierEvent> events;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto found = transaction.Dossiers().ListEvents(dossier.Value().id);
        if (!found) {
            return found.GetError();
        }
        events = std::move(found).Value();
        return Done{};
    }));
    return events;
}

Outcome<DossierView> DossierService::Lookup(const std::string& code, const std::string& id_number,
                                            const std::string& remote_address) {
    const Instant now = clock_.Now();
    if (const auto wait = lookup_throttle_.Check(code, remote_address, now)) {
        Error error = MakeError(ErrorKind::kRateLimited, "too_many_attempts");
        error.retry_after_seconds = static_cast<int>(wait->count());
        return error;
    }
    auto found = FindDossier(code);
    if (!found) {
        return found.GetError();
    }
    std::optional<domain::Dossier> dossier = std::move(found).Value();
    const auto anonymous = domain::Actor::Anonymous(remote_address);
    if (!dossier || !ConstantTimeEquals(dossier->applicant.id_number, id_number)) {
        lookup_throttle_.RecordFailure(code, remote_address, now);
        (void)RecordAudit(database_, MakeAuditEntry(clock_, anonymous, "dossier.lookup", "dossier",
                                                    code, AuditOutcome::kFailed));
        return DossierNotFound(code);
    }
    MOTCUA_RETURN_IF_ERROR(RecordAudit(
        database_,
        MakeAuditEntry(clock_, anonymous, "dossier.lookup", "dossier", code, AuditOutcome::kOk)));
    DossierView view;
    view.due_state = domain::ClassifyDossier(*dossier, now, options_.due_soon_threshold);
    view.dossier = std::move(*dossier);
    return view;
}

Outcome<DossierPage> DossierService::List(const domain::Actor& actor, const DossierQuery& query) {
    if (actor.IsAnonymous()) {
        return AccessDenied(actor);
    }
    if (query.limit < 1 || query.limit > 100) {
        return Invalid("limit");
    }
    const auto snapshot = catalog_.GetSnapshot();
    const auto is_within = MakeIsWithin(snapshot);
    storage::DossierFilter filter;
    filter.statuses = query.statuses;
    filter.procedure_code = query.procedure_code;
    filter.due_before = query.due_before ? FormatUtc(*query.due_before) : std::string{};
    filter.overdue_only = query.overdue_only;
    filter.now = FormatUtc(clock_.Now());
    filter.order = query.order;
    filter.limit = query.limit + 1;
    if (!query.cursor.empty() && !DecodeDossierCursor(query.cursor, filter)) {
        return MakeError(ErrorKind::kInvalid, "invalid_cursor", "cursor");
    }
    bool province_wide = false;
    const auto scopes =
        domain::ScopeAgencies(actor, domain::Permission::kReadDossier, province_wide);
    if (actor.is_system || province_wide) {
        // Everything.
    } else if (!scopes.empty()) {
        for (const auto& root : scopes) {
            for (auto& code : snapshot->SubtreeCodes(root)) {
                filter.agencies.push_back(std::move(code));
            }
        }
        if (query.assigned_only) {
            for (const auto& grant : actor.grants) {
                for (const auto step_role :
                     {domain::StepRole::kClerk, domain::StepRole::kSpecialist,
                      domain::StepRole::kHead, domain::StepRole::kCashier}) {
                    const auto role = RoleForStep(step_role);
                    if (grant.role == role ||
                        (grant.role == domain::Role::kHead && role == domain::Role::kSpecialist)) {
                        filter.roles.emplace_back(domain::StepRoleName(step_role));
                    }
                }
            }
        }
    } else if (domain::HoldsPermission(actor, domain::Permission::kSubmitDossier)) {
        filter.owner_account_id = actor.account_id;
        filter.owner_id_number = actor.login;
    } else {
        return AccessDenied(actor);
    }
    DossierPage page;
    // The page is read beside the writer (a read transaction), not inside the one writer's
    // transaction where it would hold up every commit; its audit record follows, durable before
    // the page is answered.
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto found = transaction.Dossiers().List(filter);
        if (!found) {
            return found.GetError();
        }
        for (auto& dossier : found.Value()) {
            page.items.push_back(View(actor, std::move(dossier), is_within));
        }
        return Done{};
    }));
    MOTCUA_RETURN_IF_ERROR(RecordAudit(
        database_, MakeAuditEntry(clock_, actor, "dossier.list", "dossier", "", AuditOutcome::kOk,
                                  "{\"count\":" + std::to_string(page.items.size()) + "}")));
    if (static_cast<int>(page.items.size()) > query.limit) {
        page.items.pop_back();
        page.next_cursor = EncodeDossierCursor(page.items.back().dossier, query.order);
    }
    return page;
}

Outcome<int> DossierService::MarkOverdue(int page_size) {
    const auto now = FormatUtc(clock_.Now());
    const auto system = domain::Actor::System("overdue job");
    storage::OverdueCandidate after;
    int marked = 0;
    int unmarked = 0;  // Candidates the job cannot mark (logged).
    while (true) {
        std::vector<storage::OverdueCandidate> page;
        MOTCUA_RETURN_IF_ERROR(
            database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
                auto found = transaction.Dossiers().FindNewlyOverdue(now, after, page_size);
                if (!found) {
                    return found.GetError();
                }
                page = std::move(found).Value();
                return Done{};
            }));
        for (const auto& candidate : page) {
            domain::ActionInput input;
            input.action = DossierAction::kMarkOverdue;
            // Another process may be marking it (its row is skipped, not waited for: several
            // processes share the candidates instead of queueing on each one) or have marked it
            // meanwhile (found marked), and a dossier that cannot be marked is left for the next
            // run: none of them stops the scan (the cursor moves past it).
            auto applied = Apply(system, candidate.code, input, Locking::kSkipHeld);
            if (applied) {
                ++marked;
                continue;
            }
            // Held by another process (not found unlocked) or marked meanwhile (`at`): normal
            // with several processes. Anything else is a dossier the job cannot mark: say so.
            const Error& error = applied.GetError();
            if (error.code != "dossier_not_found" && error.param != "at" && ++unmarked == 1) {
                spdlog::warn("overdue job: {} not marked: {} {} {}", candidate.code, error.code,
                             error.param, error.detail);
            }
        }
        if (static_cast<int>(page.size()) < page_size) {
            if (unmarked > 0) {
                spdlog::warn("overdue job: {} candidate(s) could not be marked", unmarked);
            }
            return marked;
        }
        after = page.back();
    }
}

}  // namespace motcua::services
