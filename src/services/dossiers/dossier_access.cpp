#include "services/dossiers/dossier_access.hpp"

#include <algorithm>

namespace motcua::services {
namespace {

using domain::DossierAction;
using domain::Permission;
using domain::Role;

bool HoldsRoleAt(const domain::Actor& actor, Role role, const std::string& agency_code,
                 const domain::IsWithinAgency& is_within) {
    return std::any_of(actor.grants.begin(), actor.grants.end(), [&](const auto& grant) {
        return grant.role == role && is_within(agency_code, grant.agency_code);
    });
}

// The officer working the current step: its role at its agency; a head also covers the
// specialist steps of their unit.
bool WorksCurrentStep(const domain::Actor& actor, const domain::Dossier& dossier,
                      const domain::IsWithinAgency& is_within) {
    if (dossier.steps.empty()) {
        return HoldsRoleAt(actor, Role::kClerk, dossier.current_agency, is_within);
    }
    const auto& step = dossier.steps[static_cast<std::size_t>(dossier.current_step)];
    const Role role = RoleForStep(step.role);
    return HoldsRoleAt(actor, role, step.agency_code, is_within) ||
           (role == Role::kSpecialist &&
            HoldsRoleAt(actor, Role::kHead, step.agency_code, is_within));
}

bool Allowed(const domain::Actor& actor, Permission permission, const std::string& agency,
             const domain::IsWithinAgency& is_within) {
    return domain::IsAllowed(actor, permission, {agency, 0}, is_within) &&
           !domain::IsAllowed(domain::Actor::Anonymous(""), permission, {agency, 0}, is_within);
}

}  // namespace

domain::Role RoleForStep(domain::StepRole step_role) {
    switch (step_role) {
        case domain::StepRole::kClerk:
            return Role::kClerk;
        case domain::StepRole::kSpecialist:
            return Role::kSpecialist;
        case domain::StepRole::kHead:
            return Role::kHead;
        case domain::StepRole::kCashier:
            return Role::kCashier;
    }
    return Role::kSpecialist;
}

bool IsOwner(const domain::Actor& actor, const domain::Dossier& dossier) {
    if (actor.account_id == 0) {
        return false;
    }
    return dossier.owner_account_id == actor.account_id ||
           (!actor.login.empty() && actor.login == dossier.applicant.id_number &&
            actor.kind != domain::AccountKind::kOfficer);
}

bool CanRead(const domain::Actor& actor, const domain::Dossier& dossier,
             const domain::IsWithinAgency& is_within) {
    if (actor.is_system || IsOwner(actor, dossier)) {
        return true;
    }
    const bool officer_scope = [&] {
        for (const auto* agency :
             {&dossier.receiving_agency, &dossier.current_agency, &dossier.competent_agency}) {
            if (Allowed(actor, Permission::kReadDossier, *agency, is_within)) {
                return true;
            }
        }
        return false;
    }();
    return officer_scope;
}

bool CanReceiveAt(const domain::Actor& actor, const std::string& agency_code,
                  const domain::IsWithinAgency& is_within) {
    return actor.is_system || Allowed(actor, Permission::kReceiveDossier, agency_code, is_within);
}

bool CanAct(const domain::Actor& actor, const domain::Dossier& dossier, DossierAction action,
            const domain::IsWithinAgency& is_within) {
    if (actor.is_system) {
        return true;
    }
    const std::string& here = dossier.current_agency;
    const bool owner = IsOwner(actor, dossier);
    const bool desk =
        Allowed(actor, Permission::kReceiveDossier, here, is_within) ||
        Allowed(actor, Permission::kReceiveDossier, dossier.receiving_agency, is_within);
    switch (action) {
        case DossierAction::kSubmit:
        case DossierAction::kReceive:
            return false;  // Creation goes through Submit.
        case DossierAction::kAccept:
        case DossierAction::kRefuse:
        case DossierAction::kReturnResult:
        case DossierAction::kDigitize:
            return desk;
        case DossierAction::kForward:
        case DossierAction::kReturnStep:
        case DossierAction::kRequestSupplement:
        case DossierAction::kRequestPayment:
        case DossierAction::kExtend:
        case DossierAction::kFinish:
            return WorksCurrentStep(actor, dossier, is_within);
        case DossierAction::kApprove:
            return Allowed(actor, Permission::kApproveDossier, here, is_within) &&
                   WorksCurrentStep(actor, dossier, is_within);
        case DossierAction::kIssueEResult:
            return Allowed(actor, Permission::kApproveDossier, here, is_within) ||
                   Allowed(actor, Permission::kProcessDossier, here, is_within) || desk;
        case DossierAction::kSupplement:
        case DossierAction::kStop:
        case DossierAction::kWithdraw:
        case DossierAction::kReuse:
            return owner || desk;
        case DossierAction::kAttach:
            return owner;
        case DossierAction::kPay:
            // Online payments are recorded by the gateway's verified callback (the system),
            // never by the applicant's own request.
            return Allowed(actor, Permission::kCollectPayment, here, is_within) ||
                   Allowed(actor, Permission::kCollectPayment, dossier.receiving_agency, is_within);
        case DossierAction::kRate:
            return owner && dossier.rating.empty();
        case DossierAction::kFeedback:
            return owner;
        case DossierAction::kSyncAck:
        case DossierAction::kMarkOverdue:
            return false;  // National systems and the overdue job act as the system.
    }
    return false;
}

}  // namespace motcua::services
