// OverdueJob: the background job that records the overdue moment of every dossier past its due
// time (DossierService::MarkOverdue), once at start and then every `interval`. It is driven by
// the stored due times, so a restart loses nothing. Each run is logged and reported to the
// caller (the metrics' last-success time).
#pragma once

#include <chrono>
#include <functional>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "common/periodic_task.hpp"
#include "services/dossiers/dossier_service.hpp"

namespace motcua::services {

class OverdueJob {
public:
    /// Called after each run with how many dossiers it marked (or why it failed) and when.
    using RunReport = std::function<void(const Outcome<int>& marked, Instant at)>;

    /// Starts the job's thread.
    OverdueJob(DossierService& dossiers, const Clock& clock, std::chrono::seconds interval,
               RunReport report);

    /// Stops the job, waiting for a run under way to finish; safe to call again.
    void Stop() { task_.Stop(); }

private:
    void Run();

    DossierService& dossiers_;
    const Clock& clock_;
    RunReport report_;
    PeriodicTask task_;  // Last: it starts running at construction.
};

}  // namespace motcua::services
