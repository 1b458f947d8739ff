#include "simulators/tsa/state.hpp"

#include <boost/json.hpp>

namespace motcua::sim::tsa {

namespace json = boost::json;

TsaState::TsaState() : SimState(counter::kAll) {}

AnswerMode TsaState::Mode() const {
    std::lock_guard lock(mutex_);
    return mode_;
}

void TsaState::SetMode(AnswerMode mode) {
    std::lock_guard lock(mutex_);
    mode_ = mode;
}

std::uint64_t TsaState::NextSerial() {
    std::lock_guard lock(mutex_);
    return next_serial_++;
}

void TsaState::Keep(IssuedStamp stamp) {
    std::lock_guard lock(mutex_);
    stamps_.push_back(std::move(stamp));
    if (stamps_.size() > kKeptStamps) {
        stamps_.pop_front();
    }
}

void TsaState::SetPolicy(std::string policy) {
    std::lock_guard lock(mutex_);
    policy_ = std::move(policy);
}

json::object TsaState::StateJson() const {
    std::lock_guard lock(mutex_);
    json::array stamps;
    stamps.reserve(stamps_.size());
    for (const IssuedStamp& stamp : stamps_) {
        stamps.emplace_back(json::object{
            {"serial", stamp.serial},
            {"gen_time", stamp.gen_time},
            {"policy", stamp.policy},
            {"imprint", stamp.imprint},
            {"nonce", stamp.nonce.empty() ? json::value(nullptr) : json::value(stamp.nonce)},
            {"answer", AnswerModeName(stamp.answer)},
        });
    }
    return {{"answer", AnswerModeName(mode_)},
            {"policy", policy_},
            {"next_serial", next_serial_},
            {"counters", counters_.Json()},
            {"stamps", std::move(stamps)}};
}

void TsaState::Reset() {
    std::lock_guard lock(mutex_);
    stamps_.clear();
    counters_.Reset();
    mode_ = AnswerMode::kStamp;
}

}  // namespace motcua::sim::tsa
