#include "services/dossiers/overdue_job.hpp"

#include <spdlog/spdlog.h>

namespace motcua::services {

OverdueJob::OverdueJob(DossierService& dossiers, const Clock& clock, std::chrono::seconds interval,
                       RunReport report)
    : dossiers_(dossiers),
      clock_(clock),
      report_(std::move(report)),
      task_([this] { Run(); }, interval) {}

void OverdueJob::Run() {
    auto marked = dossiers_.MarkOverdue();
    if (marked && marked.Value() > 0) {
        spdlog::info("marked {} dossier(s) overdue", marked.Value());
    } else if (!marked) {
        spdlog::warn("the overdue job failed: {}", marked.GetError().detail);
    }
    if (report_) {
        report_(marked, clock_.Now());
    }
}

}  // namespace motcua::services
