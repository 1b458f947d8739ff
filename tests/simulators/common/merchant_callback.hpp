// Where and how a payment gateway calls the merchant back (VNPay's IPN, the payment platform's
// confirm): the merchant's URL and the callback scenario, given at start-up, changed by the tests
// (POST /_sim/merchant, POST /_sim/callback) and restored by a reset. Thread-safe.
#pragma once

#include <mutex>
#include <string>
#include <utility>

namespace motcua::sim {

/// `ScenarioEnum`: the simulator's callback scenarios.
template <typename ScenarioEnum>
class MerchantCallback {
public:
    MerchantCallback(std::string url, ScenarioEnum scenario)
        : startup_url_(url),
          startup_scenario_(scenario),
          url_(std::move(url)),
          scenario_(scenario) {}

    /// Empty: none.
    std::string Url() const {
        std::lock_guard lock(mutex_);
        return url_;
    }
    void SetUrl(std::string url) {
        std::lock_guard lock(mutex_);
        url_ = std::move(url);
    }
    ScenarioEnum Scenario() const {
        std::lock_guard lock(mutex_);
        return scenario_;
    }
    void SetScenario(ScenarioEnum scenario) {
        std::lock_guard lock(mutex_);
        scenario_ = scenario;
    }
    /// Back to the start-up URL and scenario.
    void Reset() {
        std::lock_guard lock(mutex_);
        url_ = startup_url_;
        scenario_ = startup_scenario_;
    }

private:
    const std::string startup_url_;
    const ScenarioEnum startup_scenario_;
    mutable std::mutex mutex_;
    std::string url_;
    ScenarioEnum scenario_;
};

}  // namespace motcua::sim
