// DossierService::MarkOverdue: records the overdue moment of every dossier past its due time
// (the overdue job, services/dossiers/overdue_job.hpp, runs it).
#include <spdlog/spdlog.h>

#include "common/time_format.hpp"
#include "services/dossiers/dossier_service.hpp"

namespace motcua::services {

using domain::DossierAction;

Outcome<int> DossierService::MarkOverdue(int page_size) {
    const auto now = FormatUtc(clock_.Now());
    const auto system = OverdueJobActor();
    storage::OverdueCandidate after;
    int marked = 0;
    int unmarked = 0;  // Candidates the job cannot mark (logged).
    while (true) {
        std::vector<storage::OverdueCandidate> page;
        MOTCUA_RETURN_IF_ERROR(
            database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
                MOTCUA_ASSIGN_OR_RETURN(
                    auto found, transaction.Dossiers().FindNewlyOverdue(now, after, page_size));
                page = std::move(found);
                return Done{};
            }));
        for (const auto& candidate : page) {
            domain::ActionInput input;
            input.action = DossierAction::kMarkOverdue;
            // Another process may be marking it (its row is skipped, not waited for: several
            // processes share the candidates instead of queueing on each one) or have marked it
            // meanwhile (found marked), and a dossier that cannot be marked is left for the next
            // run: none of them stops the scan (the cursor moves past it).
            auto applied = Apply(system, candidate.code, input, Locking::kSkipHeld);
            if (applied) {
                ++marked;
                continue;
            }
            // Held by another process (not found unlocked) or marked meanwhile (`at`): normal
            // with several processes. Anything else is a dossier the job cannot mark: say so.
            const Error& error = applied.GetError();
            if (error.code != "dossier_not_found" && error.param != "at" && ++unmarked == 1) {
                spdlog::warn("overdue job: {} not marked: {} {} {}", candidate.code, error.code,
                             error.param, error.detail);
            }
        }
        if (static_cast<int>(page.size()) < page_size) {
            if (unmarked > 0) {
                spdlog::warn("overdue job: {} candidate(s) could not be marked", unmarked);
            }
            return marked;
        }
        after = page.back();
    }
}

}  // namespace motcua::services
