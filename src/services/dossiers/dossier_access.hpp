// Who may see a dossier and who may take each action on it. An officer acts only within their
// agency subtree, and on a dossier only while it sits at a step assigned to their agency and
// role (a head may also act at the steps of the specialists they supervise); the applicant sees
// and acts on their own dossier; the anonymous public only looks dossiers up by code and ID
// number. Seeing nothing means 404, so a dossier's existence never leaks.
#pragma once

#include "domain/access/permissions.hpp"
#include "domain/dossier/dossier.hpp"

namespace motcua::services {

/// Returns true when `actor` is the applicant of `dossier` (their account, or a citizen whose
/// personal ID number the desk recorded as the applicant's).
bool IsOwner(const domain::Actor& actor, const domain::Dossier& dossier);

/// Returns true when `actor` may read `dossier` and its history.
bool CanRead(const domain::Actor& actor, const domain::Dossier& dossier,
             const domain::IsWithinAgency& is_within);

/// Returns true when `actor` may take `action` on `dossier` in its current state and step.
bool CanAct(const domain::Actor& actor, const domain::Dossier& dossier,
            domain::DossierAction action, const domain::IsWithinAgency& is_within);

/// Returns true when `actor` may receive dossiers at `agency_code` (the one-stop desk).
bool CanReceiveAt(const domain::Actor& actor, const std::string& agency_code,
                  const domain::IsWithinAgency& is_within);

/// The role that works at a step with `step_role`.
domain::Role RoleForStep(domain::StepRole step_role);

}  // namespace motcua::services
