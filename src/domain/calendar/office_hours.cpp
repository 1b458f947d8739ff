#include "domain/calendar/office_hours.hpp"

namespace motcua::domain::calendar {

using std::chrono::minutes;

Outcome<OfficeHours> OfficeHours::Create(std::vector<OfficePeriod> periods) {
    if (periods.empty()) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "office_hours",
                         "at least one office period");
    }
    minutes previous_end{0};
    for (const OfficePeriod& period : periods) {
        if (period.start < previous_end || period.end <= period.start ||
            period.end > minutes{24 * 60}) {
            return MakeError(ErrorKind::kInvalid, "invalid_parameter", "office_hours",
                             "periods are ascending, non-empty, non-overlapping, within a day");
        }
        previous_end = period.end;
    }
    return OfficeHours(std::move(periods));
}

OfficeHours OfficeHours::Default() {
    return OfficeHours(
        {{minutes{7 * 60 + 30}, minutes{11 * 60 + 30}}, {minutes{13 * 60}, minutes{17 * 60}}});
}

OfficeHours::OfficeHours(std::vector<OfficePeriod> periods) : periods_(std::move(periods)) {
    for (const OfficePeriod& period : periods_) {
        minutes_per_day_ += period.end - period.start;
    }
}

}  // namespace motcua::domain::calendar
