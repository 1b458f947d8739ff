// DossierService's reads: a dossier, its history, a form of it, the public lookup and the inbox
// lists. Reading a dossier is reading a person's data: every read is audited.
#include "common/time_format.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/auth/credentials.hpp"
#include "services/dossiers/dossier_access.hpp"
#include "services/dossiers/dossier_service.hpp"

namespace motcua::services {
namespace {

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

Outcome<std::optional<domain::Dossier>> DossierService::FindDossier(const std::string& code) {
    std::optional<domain::Dossier> dossier;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto loaded, transaction.Dossiers().FindByCode(code));
        dossier = std::move(loaded);
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
    MOTCUA_ASSIGN_OR_RETURN(auto found, FindDossier(code));
    return RecordRead(actor, std::move(found), is_within, code);
}

Outcome<domain::Dossier> DossierService::RecordRead(const domain::Actor& actor,
                                                    std::optional<domain::Dossier> dossier,
                                                    const domain::IsWithinAgency& is_within,
                                                    const std::string& code) {
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
    MOTCUA_ASSIGN_OR_RETURN(auto dossier, LoadVisible(actor, code, is_within));
    return View(actor, std::move(dossier), is_within);
}

Outcome<std::vector<domain::DossierEvent>> DossierService::GetEvents(const domain::Actor& actor,
                                                                     const std::string& code) {
    const auto is_within = MakeIsWithin(catalog_.GetSnapshot());
    MOTCUA_ASSIGN_OR_RETURN(auto dossier, LoadVisible(actor, code, is_within));
    std::vector<domain::DossierEvent> events;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto found, transaction.Dossiers().ListEvents(dossier.id));
        events = std::move(found);
        return Done{};
    }));
    return events;
}

Outcome<boost::json::object> DossierService::GetForm(const domain::Actor& actor,
                                                     const std::string& code,
                                                     std::string_view form_name) {
    const auto kind = reporting::render::ParseFormKind(form_name);
    if (!kind) {
        return MakeError(ErrorKind::kNotFound, "form_not_found", std::string(form_name));
    }
    if (actor.IsAnonymous()) {
        return AccessDenied(actor);  // Whether or not it exists: the public uses the lookup.
    }
    const auto snapshot = catalog_.GetSnapshot();
    const auto is_within = MakeIsWithin(snapshot);
    // The dossier and its events in one read, so that the form shows one state of it.
    std::optional<domain::Dossier> dossier;
    std::vector<domain::DossierEvent> events;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto loaded, transaction.Dossiers().FindByCode(code));
        dossier = std::move(loaded);
        if (!dossier || !CanRead(actor, *dossier, is_within)) {
            return Done{};
        }
        MOTCUA_ASSIGN_OR_RETURN(auto found, transaction.Dossiers().ListEvents(dossier->id));
        events = std::move(found);
        return Done{};
    }));
    MOTCUA_ASSIGN_OR_RETURN(const domain::Dossier readable,
                            RecordRead(actor, std::move(dossier), is_within, code));
    const domain::Procedure* procedure = snapshot->FindProcedure(readable.procedure_code);
    if (procedure == nullptr) {
        return MakeError(ErrorKind::kConflict, "procedure_missing", readable.procedure_code);
    }
    const reporting::render::FormInputs inputs{
        readable,
        events,
        *procedure,
        [&snapshot](const std::string& agency_code) {
            const auto* agency = snapshot->FindAgency(agency_code);
            return agency == nullptr ? std::string{} : agency->name_vi;
        },
        options_.forms,
    };
    return reporting::render::BuildForm(*kind, inputs);
}

Outcome<DossierView> DossierService::Lookup(const std::string& code, const std::string& id_number,
                                            const std::string& remote_address) {
    const Instant now = clock_.Now();
    if (const auto wait = lookup_throttle_.Check(code, remote_address, now)) {
        Error error = MakeError(ErrorKind::kRateLimited, "too_many_attempts");
        error.retry_after_seconds = static_cast<int>(wait->count());
        return error;
    }
    MOTCUA_ASSIGN_OR_RETURN(auto found, FindDossier(code));
    std::optional<domain::Dossier> dossier = std::move(found);
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
        return InvalidDossierInput("limit");
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
        MOTCUA_ASSIGN_OR_RETURN(auto found, transaction.Dossiers().List(filter));
        for (auto& dossier : found) {
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

}  // namespace motcua::services
