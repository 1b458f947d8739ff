#include "reporting/indicator_delta.hpp"

#include "domain/calendar/local_date_time.hpp"
#include "reporting/dossier_facts.hpp"

namespace motcua::reporting {
namespace {

DossierFacts FactsOf(const DossierSnapshot& side, const ProcedureProfile& profile) {
    if (side.dossier == nullptr || !side.dossier->last_event_at) {
        return {};
    }
    return ExtractFacts(*side.dossier, side.events, profile, *side.dossier->last_event_at);
}

}  // namespace

std::optional<CounterCell> IndicatorDelta(const domain::Procedure& procedure,
                                          const DossierSnapshot& before,
                                          const DossierSnapshot& after) {
    const auto profile = ProfileOf(procedure);
    const auto facts_after = FactsOf(after, profile);
    const auto delta = Delta(FactsOf(before, profile), facts_after);
    if (IsZero(delta) || !(facts_after.received || facts_after.refused)) {
        return std::nullopt;
    }
    return CounterCell{after.dossier->competent_agency, procedure.code,
                       domain::calendar::FormatIsoDate(facts_after.received_day), delta};
}

}  // namespace motcua::reporting
