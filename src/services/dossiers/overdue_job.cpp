#include "services/dossiers/overdue_job.hpp"

#include <condition_variable>
#include <mutex>

#include <spdlog/spdlog.h>

namespace motcua::services {

OverdueJob::OverdueJob(DossierService& dossiers, const Clock& clock, std::chrono::seconds interval,
                       RunReport report)
    : dossiers_(dossiers),
      clock_(clock),
      interval_(interval),
      report_(std::move(report)),
      thread_([this](const std::stop_token& stop) { Run(stop); }) {}

OverdueJob::~OverdueJob() { Stop(); }

void OverdueJob::Stop() {
    if (thread_.joinable()) {
        thread_.request_stop();
        thread_.join();
    }
}

void OverdueJob::Run(const std::stop_token& stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    while (!stop.stop_requested()) {
        auto marked = dossiers_.MarkOverdue();
        if (marked && marked.Value() > 0) {
            spdlog::info("marked {} dossier(s) overdue", marked.Value());
        } else if (!marked) {
            spdlog::warn("the overdue job failed: {}", marked.GetError().detail);
        }
        if (report_) {
            report_(marked, clock_.Now());
        }
        std::unique_lock lock(mutex);
        wake.wait_for(lock, stop, interval_, [] { return false; });
    }
}

}  // namespace motcua::services
