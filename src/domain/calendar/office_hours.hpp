// Office hours (giờ hành chính) of a one-stop desk: the periods of a working day during which
// dossiers are received and the processing clock runs. The default is 07:30–11:30 and
// 13:00–17:00, 8 working hours a day; provinces configure their own (docs/domain.md §2.5).
#pragma once

#include <chrono>
#include <vector>

#include "common/outcome.hpp"

namespace motcua::domain::calendar {

/// One opening period of a working day, [start, end) in minutes since local midnight.
struct OfficePeriod {
    std::chrono::minutes start{0};
    std::chrono::minutes end{0};
};

class OfficeHours {
public:
    /// Accepts non-empty, ascending, non-overlapping periods within one day.
    static Outcome<OfficeHours> Create(std::vector<OfficePeriod> periods);
    /// Returns 07:30–11:30 and 13:00–17:00.
    static OfficeHours Default();

    /// Returns the periods in ascending order.
    const std::vector<OfficePeriod>& Periods() const { return periods_; }
    /// Returns the start of the first period (the day's opening).
    std::chrono::minutes Opening() const { return periods_.front().start; }
    /// Returns the end of the last period (the day's close).
    std::chrono::minutes Closing() const { return periods_.back().end; }
    /// Returns the working minutes of one full working day.
    std::chrono::minutes MinutesPerDay() const { return minutes_per_day_; }

private:
    explicit OfficeHours(std::vector<OfficePeriod> periods);

    std::vector<OfficePeriod> periods_;
    std::chrono::minutes minutes_per_day_{0};
};

}  // namespace motcua::domain::calendar
