#include "common/periodic_task.hpp"

#include <condition_variable>
#include <mutex>

namespace motcua {

PeriodicTask::PeriodicTask(std::function<void()> run, std::chrono::seconds interval)
    : run_(std::move(run)),
      interval_(interval),
      thread_([this](const std::stop_token& stop) { Loop(stop); }) {}

PeriodicTask::~PeriodicTask() { Stop(); }

void PeriodicTask::Stop() {
    if (thread_.joinable()) {
        thread_.request_stop();
        thread_.join();
    }
}

void PeriodicTask::Loop(const std::stop_token& stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    while (!stop.stop_requested()) {
        run_();
        std::unique_lock lock(mutex);
        wake.wait_for(lock, stop, interval_, [] { return false; });
    }
}

}  // namespace motcua
