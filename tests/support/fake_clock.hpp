// FakeClock: a Clock whose time only moves when the test says so.
#pragma once

#include "common/clock.hpp"

namespace motcua::testing {

class FakeClock final : public Clock {
public:
    explicit FakeClock(Instant now = Instant{}) : now_(now) {}
    Instant Now() const override { return now_; }
    void Advance(std::chrono::microseconds by) { now_ += by; }
    void Set(Instant now) { now_ = now; }

private:
    Instant now_;
};

}  // namespace motcua::testing
