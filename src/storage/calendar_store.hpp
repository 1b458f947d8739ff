// The working-day calendar decisions that administrators record (docs/domain.md §6.4): one override
// per date — a weekday off, a Saturday worked, a default holiday cancelled — with who recorded it
// and when. Every change bumps the calendar revision so that services/calendar rebuilds its
// calendar.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/outcome.hpp"
#include "domain/calendar/working_calendar.hpp"

namespace motcua::storage {

/// A recorded decision for one date and its provenance.
struct CalendarOverrideRecord {
    domain::calendar::DayOverride day;
    std::string recorded_by;  // Login of the administrator, "system:..." for the console.
    std::string recorded_at;  // RFC 3339 UTC (FormatUtc).
};

/// Calendar overrides, used inside a Transaction (storage/transaction.hpp).
class CalendarStore {
public:
    virtual ~CalendarStore() = default;
    /// Inserts or replaces the override of `record.day.date`; bumps the revision.
    virtual Outcome<Done> Upsert(const CalendarOverrideRecord& record) = 0;
    /// Removes the override of `date`; returns false (revision unchanged) when there was none.
    virtual Outcome<bool> Delete(std::chrono::sys_days date) = 0;
    /// Returns the override of `date`, if one is recorded.
    virtual Outcome<std::optional<CalendarOverrideRecord>> Find(std::chrono::sys_days date) = 0;
    /// Returns the overrides of `year` (every override when empty), sorted by date.
    virtual Outcome<std::vector<CalendarOverrideRecord>> List(std::optional<int> year) = 0;
    /// Returns a number that grows whenever the overrides change.
    virtual Outcome<std::int64_t> GetRevision() = 0;
};

}  // namespace motcua::storage
