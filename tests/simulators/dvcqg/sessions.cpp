#include "simulators/dvcqg/sessions.hpp"

#include <fmt/format.h>

namespace motcua::sim::dvcqg {

Sessions::Sessions(std::chrono::seconds lifetime)
    : lifetime_(lifetime), random_(std::random_device{}()) {}

std::string Sessions::Open() {
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    // Tokens of a test run are few; dropping the expired ones here keeps the map small.
    std::erase_if(expiry_, [now](const auto& entry) { return entry.second <= now; });
    std::string token = fmt::format("{:016x}{:016x}", random_(), random_());
    expiry_[token] = now + lifetime_;
    return token;
}

bool Sessions::IsValid(const std::string& token) const {
    std::lock_guard lock(mutex_);
    const auto found = expiry_.find(token);
    return found != expiry_.end() && std::chrono::steady_clock::now() < found->second;
}

void Sessions::ExpireAll() {
    std::lock_guard lock(mutex_);
    expiry_.clear();
}

}  // namespace motcua::sim::dvcqg
