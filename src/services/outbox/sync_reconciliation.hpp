// SyncReconciliation: for an agency subtree and a period, the dossiers received against those
// pushed to a national system and those it acknowledged, per competent agency, and the list of
// the gaps (docs/connectors.md §5) — what a provincial office checks before it reports plan
// indicator I.5 and the 766 metric DOSSIER_SYNC, which count the acknowledgements. Officials
// with read_indicators over the agency; the gap list names dossiers, so each page is audited.
#pragma once

#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "reporting/period.hpp"
#include "services/catalog/catalog_service.hpp"
#include "storage/database.hpp"

namespace motcua::services {

struct SyncQuery {
    std::string connector = "dvcqg";
    std::string agency_code;
    reporting::Period period;
    std::string cursor;  // Gap pages only: the previous page's next_cursor.
    int limit = 50;      // Gap pages only: 1–500.
};

struct SyncReconciliation {
    storage::SyncTally total;                  // agency_code: the asked agency.
    std::vector<storage::SyncTally> agencies;  // Those that received dossiers in the period.
};

struct SyncGapPage {
    std::vector<storage::SyncGap> items;
    std::string next_cursor;
};

class SyncReconciliationService {
public:
    SyncReconciliationService(storage::Database& database, CatalogService& catalog,
                              const Clock& clock)
        : database_(database), catalog_(catalog), clock_(clock) {}

    Outcome<SyncReconciliation> Reconcile(const domain::Actor& actor, const SyncQuery& query);
    Outcome<SyncGapPage> ListGaps(const domain::Actor& actor, const SyncQuery& query);

private:
    /// Checks the agency and the access; fills the filter's agencies and period.
    Outcome<storage::SyncReportFilter> Prepare(const domain::Actor& actor, const SyncQuery& query,
                                               const std::string& action);

    storage::Database& database_;
    CatalogService& catalog_;
    const Clock& clock_;
};

}  // namespace motcua::services
