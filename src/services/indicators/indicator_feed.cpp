#include "services/indicators/indicator_feed.hpp"

#include <algorithm>
#include <span>

#include "reporting/dossier_facts.hpp"

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

Outcome<Done> FeedAction(storage::Transaction& transaction, const domain::Procedure& procedure,
                         BeforeAction before, const ActionResult& after) {
    std::vector<domain::DossierEvent> events = std::move(before.fact_events);
    const std::size_t before_count = events.size();
    if (std::find(reporting::kFactEventActions.begin(), reporting::kFactEventActions.end(),
                  after.event.action) != reporting::kFactEventActions.end()) {
        events.push_back(after.event);
    }
    return FeedIndicators(
        transaction, procedure,
        {&before.dossier, std::span<const domain::DossierEvent>(events.data(), before_count)},
        {&after.dossier, events});
}

}  // namespace motcua::services
