// PortalIntake: what MotCua takes in from the national portal (docs/dvcqg.md §3.4–3.5).
//  * PullDossiers: the dossiers citizens submitted on the portal for this province, page by page
//    from the stored cursor, each created as a `submit` event by DossierService — deduplicated by
//    its national code (MaHoSoQG) through the idempotency key "<connector>:<MaHoSoQG>", so a page
//    read twice (a crash before the cursor moved, two processes) creates nothing twice. A dossier
//    that cannot be created (an unknown procedure, no receiving agency) goes to the review queue;
//    a failure of the portal or the database stops the run where it was.
//  * PullCatalogue: the national procedure catalogue and agency list, compared with the
//    province's; the differences go to the review queue, never applied blindly.
//  * ListReview / Decide: the province administrator reads the queue and accepts or dismisses
//    an item; accepting a portal dossier creates it (with a receiving agency or procedure given
//    by the administrator when the portal's did not fit).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "services/portal/national_portal.hpp"
#include "storage/database.hpp"
#include "storage/portal_inbox_store.hpp"

namespace motcua::services {

struct DossierPullSummary {
    int pages = 0;
    int created = 0;          // New dossiers.
    int known = 0;            // Already taken in earlier (the national code's key was there).
    int queued = 0;           // Could not be created: in the review queue.
    int skipped = 0;          // Rows the portal spoiled (no sequence number or national code).
    std::int64_t cursor = 0;  // The last sequence number taken in.
    bool complete = true;     // False when a failure stopped the run (error says why).
    std::string error;
};

struct CataloguePullSummary {
    int procedures = 0;  // Read from the portal.
    int agencies = 0;
    int differences = 0;  // Procedures and agencies that differ from the province's.
    int queued = 0;       // Differences newly pending (new, or changed since last seen).
    int resolved = 0;     // Pending items that no longer differ: closed by the intake.
    int skipped = 0;
    bool complete = true;  // False when the portal or the database failed (error says why).
    std::string error;
};

struct ReviewQuery {
    std::string kind;    // "procedure", "agency", "dossier" or empty.
    std::string status;  // "pending", "accepted", "dismissed" or empty.
    std::string cursor;
    int limit = 50;
};

struct ReviewPage {
    std::vector<storage::PortalReviewItem> items;
    std::string next_cursor;
    std::vector<std::pair<std::string, std::int64_t>> pending;  // Per kind.
};

struct ReviewDecision {
    bool accept = true;
    std::string note;
    // Portal dossiers only: where to receive it and which procedure, when the portal's codes
    // did not fit.
    std::string agency;
    std::string procedure;
};

class PortalIntake {
public:
    /// `connector` names the portal's cursor, review items and dossier keys; `portal` is null
    /// when it is not configured (the review queue stays readable, pulls answer 409
    /// portal_not_connected).
    PortalIntake(storage::Database& database, DossierService& dossiers, CatalogService& catalog,
                 const Clock& clock, std::string connector, NationalPortal* portal);

    /// Takes in the dossiers submitted since the cursor, at most `max_pages` pages.
    DossierPullSummary PullDossiers(int max_pages = 50);
    /// Compares the national catalogue with the province's; a failure of the portal is a
    /// summary with `complete` false.
    CataloguePullSummary PullCatalogue();
    /// The same two, as the administrator's "pull now" (authorised and audited).
    Outcome<DossierPullSummary> PullDossiersNow(const domain::Actor& actor);
    Outcome<CataloguePullSummary> PullCatalogueNow(const domain::Actor& actor);

    Outcome<ReviewPage> ListReview(const domain::Actor& actor, const ReviewQuery& query);
    /// Decides a pending item; 409 portal_review_decided when it is not pending.
    Outcome<storage::PortalReviewItem> Decide(const domain::Actor& actor, std::int64_t id,
                                              const ReviewDecision& decision);

    /// Pending review items per kind, for /metrics (no actor: the figures hold no personal data).
    Outcome<std::vector<std::pair<std::string, std::int64_t>>> CountPending();
    const std::string& GetConnector() const { return connector_; }

    /// Who creates the portal's dossiers and closes resolved items.
    static domain::Actor IntakeActor() { return domain::Actor::System("portal intake"); }

private:
    enum class Taken { kCreated, kKnown, kQueued };
    /// Creates one portal dossier, or queues it for review when its data does not fit.
    Outcome<Taken> TakeIn(const PortalDossier& dossier, const Instant& now);
    Outcome<DossierView> Create(PortalDossier dossier);
    Outcome<Done> Authorize(const domain::Actor& actor, const std::string& action,
                            const std::string& target);

    storage::Database& database_;
    DossierService& dossiers_;
    CatalogService& catalog_;
    const Clock& clock_;
    std::string connector_;
    NationalPortal* portal_;
};

}  // namespace motcua::services
