// PeriodicTask: runs a function on its own thread once at start and then every `interval`,
// until stopped; Stop() (or the destructor) waits for a run under way to finish. The background
// jobs (the overdue job, the audit anchor job) are built on it.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace motcua {

class PeriodicTask {
public:
    /// Starts the thread.
    PeriodicTask(std::function<void()> run, std::chrono::seconds interval);
    ~PeriodicTask();
    PeriodicTask(const PeriodicTask&) = delete;
    PeriodicTask& operator=(const PeriodicTask&) = delete;

    /// Stops the task, waiting for a run under way to finish; safe to call again.
    void Stop();

private:
    void Loop(const std::stop_token& stop);

    std::function<void()> run_;
    std::chrono::seconds interval_;
    std::jthread thread_;
};

}  // namespace motcua
