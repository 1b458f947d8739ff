#include "services/dossiers/dossier_service.hpp"

#include "domain/dossier/transitions.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/dossiers/dossier_access.hpp"

namespace motcua::services {

using domain::DossierAction;

Error InvalidDossierInput(std::string param) {
    return MakeError(ErrorKind::kInvalid, "invalid_parameter", std::move(param));
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
      options_(std::move(options)),
      submission_rate_(options_.submissions) {}

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

}  // namespace motcua::services
