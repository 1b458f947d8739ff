#include "services/indicators/indicator_feed.hpp"

namespace motcua::services {

Outcome<Done> FeedIndicators(storage::Transaction& transaction, const domain::Procedure& procedure,
                             const DossierSnapshot& before, const DossierSnapshot& after) {
    const auto cell = reporting::IndicatorDelta(procedure, before, after);
    if (!cell) {
        return Done{};
    }
    return transaction.Indicators().Add(cell->agency_code, cell->procedure_code, cell->day,
                                        cell->delta);
}

}  // namespace motcua::services
