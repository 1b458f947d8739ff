// IndicatorService: the indicator counters as a whole — rebuilt from the dossier events
// (`motcua indicators recompute`), which must give exactly the incrementally kept counters.
#pragma once

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "services/catalog/catalog_service.hpp"
#include "storage/database.hpp"

namespace motcua::services {

struct RecomputeReport {
    int dossiers = 0;
    int rows = 0;
};

class IndicatorService {
public:
    IndicatorService(storage::Database& database, CatalogService& catalog, const Clock& clock);

    /// Replaces every counter row with the sum over all dossiers of their final facts, in one
    /// transaction (province administrators and the console only).
    Outcome<RecomputeReport> Recompute(const domain::Actor& actor);

private:
    storage::Database& database_;
    CatalogService& catalog_;
    const Clock& clock_;
};

}  // namespace motcua::services
