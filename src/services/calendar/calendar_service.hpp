// CalendarService: the working-day calendar of the province (docs/domain.md §6) and deadline
// computation with it (docs/domain.md §2.5). It keeps an immutable WorkingCalendar built from the
// built-in defaults — the statutory rules and the published 2025/2026 schedules — plus the
// decisions that province administrators record (a recorded decision wins over a built-in one for
// the same date). The calendar is rebuilt when the stored revision changes (checked at most once
// per `refresh_interval`, so several server processes on one database converge), and right after a
// change made through this service. It is the dossier service's DeadlineSource, so every due time
// in the system is computed with the same calendar and office hours.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "domain/calendar/deadline.hpp"
#include "domain/calendar/office_hours.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "domain/catalog/procedure.hpp"
#include "services/dossiers/deadline_source.hpp"
#include "storage/calendar_store.hpp"
#include "storage/database.hpp"

namespace motcua::services {

/// Years the API answers for (docs/architecture.md §6); dates outside are a 400.
inline constexpr int kCalendarMinYear = 1970;
inline constexpr int kCalendarMaxYear = 2100;
/// Largest processing time the due computation accepts, in any unit.
inline constexpr int kMaxDueAmount = 3650;
/// Longest reason text of an override, in characters.
inline constexpr std::size_t kMaxOverrideReasonLength = 500;
/// Longest source text of an override, in characters.
inline constexpr std::size_t kMaxOverrideSourceLength = 200;

/// Where a decision in effect comes from.
enum class OverrideOrigin {
    kPublished,  // Built in: domain/calendar/published_schedules.cpp.
    kRecorded,   // Recorded by an administrator (storage/calendar_store.hpp).
};

/// A decision in effect for one date.
struct EffectiveOverride {
    domain::calendar::DayOverride day;
    OverrideOrigin origin = OverrideOrigin::kPublished;
    std::string recorded_by;  // Empty for kPublished.
    std::string recorded_at;  // RFC 3339 UTC; empty for kPublished.
};

/// When the processing clock starts and when it expires.
struct DueAnswer {
    Instant start_of_counting;
    Instant due_at;
};

struct CalendarOptions {
    domain::calendar::OfficeHours office_hours = domain::calendar::OfficeHours::Default();
    domain::calendar::DeadlinePolicy deadline_policy;
    std::chrono::milliseconds refresh_interval = std::chrono::seconds(1);
};

class CalendarService final : public DeadlineSource {
public:
    CalendarService(storage::Database& database, const Clock& clock, CalendarOptions options = {});

    /// Loads the recorded overrides and builds the calendar; call once at start-up.
    Outcome<Done> Load();

    /// Returns the current calendar (refreshed if stale); safe to keep and use concurrently.
    std::shared_ptr<const domain::calendar::WorkingCalendar> GetCalendar() override;
    /// Returns the configured office hours.
    domain::calendar::OfficeHours GetOfficeHours() override { return options_.office_hours; }
    /// Returns the configured options of the working-day rule.
    const domain::calendar::DeadlinePolicy& GetDeadlinePolicy() const {
        return options_.deadline_policy;
    }

    /// Returns every date of `year` whose status differs from the default week (Mon–Fri working,
    /// Sat–Sun off), sorted by date; `year` outside kCalendarMinYear..kCalendarMaxYear is a 400.
    Outcome<std::vector<domain::calendar::CalendarDay>> GetYear(int year);
    /// Returns when counting starts for a dossier received at `start` and when `amount` units
    /// counted from there expire (docs/domain.md §2.5, domain/calendar/deadline.hpp).
    Outcome<DueAnswer> ComputeDue(Instant start, int amount, domain::TimeUnit unit,
                                  std::optional<std::chrono::minutes> cutoff);
    /// Returns the decisions in effect (built-in and recorded) in `year`, or in every year.
    Outcome<std::vector<EffectiveOverride>> ListOverrides(std::optional<int> year);

    /// Records (or replaces) the decision for `day.date`; province administrators only, audited.
    Outcome<EffectiveOverride> RecordOverride(const domain::Actor& actor,
                                              domain::calendar::DayOverride day);
    /// Removes the recorded decision for `date` (the built-in default applies again); 404 when
    /// none is recorded. Province administrators only, audited.
    Outcome<Done> DeleteOverride(const domain::Actor& actor, std::chrono::sys_days date);

private:
    struct Snapshot;

    static Outcome<std::shared_ptr<const Snapshot>> BuildSnapshot(
        std::int64_t revision, const std::vector<storage::CalendarOverrideRecord>& recorded);
    Outcome<Done> Reload();
    void RefreshIfStale();
    std::shared_ptr<const Snapshot> GetSnapshot();

    storage::Database& database_;
    const Clock& clock_;
    CalendarOptions options_;

    std::mutex mutex_;  // Guards snapshot_ and last_check_.
    std::shared_ptr<const Snapshot> snapshot_;
    Instant last_check_{};
};

/// Parses office hours written as "07:30-11:30,13:00-17:00" (for the configuration).
Outcome<domain::calendar::OfficeHours> ParseOfficeHours(std::string_view text);

}  // namespace motcua::services
