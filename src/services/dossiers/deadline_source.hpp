// DeadlineSource: where the dossier service gets the working-day calendar and office hours.
// The calendar service implements it (administrators' overrides included); tests may use the
// built-in calendar (StaticDeadlineSource).
#pragma once

#include <memory>

#include "domain/calendar/office_hours.hpp"
#include "domain/calendar/published_schedules.hpp"
#include "domain/calendar/working_calendar.hpp"

namespace motcua::services {

class DeadlineSource {
public:
    virtual ~DeadlineSource() = default;
    /// Returns the current calendar; the pointer keeps it alive while in use.
    virtual std::shared_ptr<const domain::calendar::WorkingCalendar> GetCalendar() = 0;
    virtual domain::calendar::OfficeHours GetOfficeHours() = 0;
};

/// The statutory calendar with the published schedules, and the default office hours.
class StaticDeadlineSource final : public DeadlineSource {
public:
    StaticDeadlineSource()
        : calendar_(std::make_shared<const domain::calendar::WorkingCalendar>(
              domain::calendar::DefaultWorkingCalendar())) {}
    std::shared_ptr<const domain::calendar::WorkingCalendar> GetCalendar() override {
        return calendar_;
    }
    domain::calendar::OfficeHours GetOfficeHours() override {
        return domain::calendar::OfficeHours::Default();
    }

private:
    std::shared_ptr<const domain::calendar::WorkingCalendar> calendar_;
};

}  // namespace motcua::services
