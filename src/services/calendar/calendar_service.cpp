#include "services/calendar/calendar_service.hpp"

#include <algorithm>
#include <map>

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "domain/calendar/local_date_time.hpp"
#include "domain/calendar/published_schedules.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"

namespace motcua::services {

using domain::calendar::DayOverride;
using domain::calendar::WorkingCalendar;

struct CalendarService::Snapshot {
    std::int64_t revision = 0;
    WorkingCalendar calendar;
    std::vector<EffectiveOverride> overrides;  // Sorted by date.
};

namespace {

// The table covers the API's years plus the longest count that may start in kCalendarMaxYear
// (3650 working days ≈ 15 years), so a due computation never builds years on the fly.
constexpr int kTableLastYear = kCalendarMaxYear + 16;

Error Invalid(std::string param) {
    return MakeError(ErrorKind::kInvalid, "invalid_parameter", std::move(param));
}

int YearOf(std::chrono::sys_days date) {
    return static_cast<int>(std::chrono::year_month_day{date}.year());
}

bool IsSupportedYear(int year) { return year >= kCalendarMinYear && year <= kCalendarMaxYear; }

// Counts UTF-8 code points: a Vietnamese letter is one character however many bytes it takes.
std::size_t CountCharacters(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

bool HasControlCharacter(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

Outcome<Done> ValidateText(const std::string& text, std::size_t max_length, bool required,
                           std::string param) {
    if ((required && text.empty()) || CountCharacters(text) > max_length ||
        HasControlCharacter(text)) {
        return Invalid(std::move(param));
    }
    return Done{};
}

Outcome<Done> ValidateOverride(const DayOverride& day) {
    if (!IsSupportedYear(YearOf(day.date))) {
        return Invalid("date");
    }
    MOTCUA_RETURN_IF_ERROR(
        ValidateText(day.reason_vi, kMaxOverrideReasonLength, true, "reason_vi"));
    MOTCUA_RETURN_IF_ERROR(
        ValidateText(day.reason_en, kMaxOverrideReasonLength, false, "reason_en"));
    MOTCUA_RETURN_IF_ERROR(ValidateText(day.source, kMaxOverrideSourceLength, false, "source"));
    return Done{};
}

// The decisions in effect: the built-in published schedules, each replaced by the recorded
// decision for the same date (docs/domain.md §6.4: where the annual decision sets the days, it
// prevails — an administrator records the decision).
std::vector<EffectiveOverride> MergeOverrides(
    const std::vector<storage::CalendarOverrideRecord>& recorded) {
    std::map<std::chrono::sys_days, EffectiveOverride> by_date;
    for (DayOverride& day : domain::calendar::PublishedOverrides()) {
        const auto date = day.date;
        by_date[date] = EffectiveOverride{std::move(day), OverrideOrigin::kPublished, {}, {}};
    }
    for (const auto& record : recorded) {
        by_date[record.day.date] = EffectiveOverride{record.day, OverrideOrigin::kRecorded,
                                                     record.recorded_by, record.recorded_at};
    }
    std::vector<EffectiveOverride> merged;
    merged.reserve(by_date.size());
    for (auto& [date, effective] : by_date) {
        merged.push_back(std::move(effective));
    }
    return merged;
}

boost::json::object DayJson(const DayOverride& day) {
    return {{"date", domain::calendar::FormatIsoDate(day.date)},
            {"working", day.working},
            {"reason_vi", day.reason_vi},
            {"reason_en", day.reason_en},
            {"source", day.source}};
}

// The audit detail of a change: the new decision (if any) and the one it replaced (if any).
std::string ChangeDetail(const std::optional<DayOverride>& now,
                         const std::optional<storage::CalendarOverrideRecord>& before) {
    boost::json::object detail;
    detail["override"] = now ? boost::json::value(DayJson(*now)) : boost::json::value(nullptr);
    detail["previous"] =
        before ? boost::json::value(DayJson(before->day)) : boost::json::value(nullptr);
    return boost::json::serialize(detail);
}

// The permission is province-wide (domain/access/permissions.hpp), so no agency is involved.
bool NoAgencyIsWithin(std::string_view /*code*/, std::string_view /*ancestor*/) { return false; }

}  // namespace

Outcome<std::shared_ptr<const CalendarService::Snapshot>> CalendarService::BuildSnapshot(
    std::int64_t revision, const std::vector<storage::CalendarOverrideRecord>& recorded) {
    auto overrides = MergeOverrides(recorded);
    std::vector<DayOverride> days;
    days.reserve(overrides.size());
    for (const auto& effective : overrides) {
        days.push_back(effective.day);
    }
    MOTCUA_ASSIGN_OR_RETURN(
        auto calendar, WorkingCalendar::Create(domain::calendar::kDefaultFirstYear, kTableLastYear,
                                               std::move(days)));
    return std::make_shared<const Snapshot>(
        Snapshot{revision, std::move(calendar), std::move(overrides)});
}

CalendarService::CalendarService(storage::Database& database, const Clock& clock,
                                 CalendarOptions options)
    : database_(database), clock_(clock), options_(std::move(options)) {}

Outcome<Done> CalendarService::Load() { return Reload(); }

Outcome<Done> CalendarService::Reload() {
    std::int64_t revision = 0;
    std::vector<storage::CalendarOverrideRecord> recorded;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto stored_revision = transaction.Calendar().GetRevision();
        auto stored = transaction.Calendar().List(std::nullopt);
        if (auto error = FirstError(stored_revision, stored)) {
            return *error;
        }
        revision = stored_revision.Value();
        recorded = std::move(stored).Value();
        return Done{};
    }));
    MOTCUA_ASSIGN_OR_RETURN(auto snapshot, BuildSnapshot(revision, recorded));
    const std::lock_guard lock(mutex_);
    // Two concurrent reloads may finish out of order: never go back to an older revision.
    if (snapshot_ == nullptr || snapshot_->revision <= revision) {
        snapshot_ = std::move(snapshot);
    }
    last_check_ = clock_.Now();
    return Done{};
}

void CalendarService::RefreshIfStale() {
    std::int64_t known_revision = 0;
    {
        const std::lock_guard lock(mutex_);
        const auto now = clock_.Now();
        if (snapshot_ != nullptr && now - last_check_ < options_.refresh_interval) {
            return;
        }
        last_check_ = now;
        known_revision = snapshot_ != nullptr ? snapshot_->revision : -1;
    }
    std::int64_t revision = known_revision;
    const auto read = database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto stored, transaction.Calendar().GetRevision());
        revision = stored;
        return Done{};
    });
    if (read && revision != known_revision) {
        (void)Reload();  // On failure the previous calendar keeps serving.
    }
}

std::shared_ptr<const CalendarService::Snapshot> CalendarService::GetSnapshot() {
    RefreshIfStale();
    const std::lock_guard lock(mutex_);
    if (snapshot_ == nullptr) {
        // Never loaded (the database failed since start-up): serve the built-in calendar; revision
        // -1 makes the next check load the recorded decisions.
        auto defaults = BuildSnapshot(-1, {});
        MOTCUA_ASSERT(defaults.HasValue(), "the built-in decisions have one entry per date");
        snapshot_ = std::move(defaults).Value();
    }
    return snapshot_;
}

std::shared_ptr<const WorkingCalendar> CalendarService::GetCalendar() {
    auto snapshot = GetSnapshot();
    const WorkingCalendar* calendar = &snapshot->calendar;
    return {std::move(snapshot), calendar};  // Shares ownership of the whole snapshot.
}

Outcome<std::vector<domain::calendar::CalendarDay>> CalendarService::GetYear(int year) {
    if (!IsSupportedYear(year)) {
        return Invalid("year");
    }
    return GetSnapshot()->calendar.ExceptionsIn(year);
}

Outcome<DueAnswer> CalendarService::ComputeDue(Instant start, int amount, domain::TimeUnit unit,
                                               std::optional<std::chrono::minutes> cutoff) {
    const auto local_start = domain::calendar::ToLocalDateTime(start);
    if (!IsSupportedYear(YearOf(local_start.date))) {
        return Invalid("start");
    }
    if (amount < 0 || amount > kMaxDueAmount) {
        return Invalid("amount");
    }
    if (cutoff && (*cutoff < std::chrono::minutes{0} || *cutoff >= std::chrono::hours{24})) {
        return Invalid("cutoff");
    }
    const auto snapshot = GetSnapshot();
    const auto& hours = options_.office_hours;
    // Rule: docs/domain.md §2.5 — the clock starts at the next office time (or after the cut-off,
    // the next working day), then the amount is counted in its unit (POLICY.md §3).
    const auto counting_from =
        domain::calendar::StartOfCounting(local_start, hours, snapshot->calendar, cutoff);
    const auto due = domain::calendar::DueAt(counting_from, amount, unit, hours, snapshot->calendar,
                                             options_.deadline_policy);
    return DueAnswer{domain::calendar::ToInstant(counting_from), domain::calendar::ToInstant(due)};
}

Outcome<std::vector<EffectiveOverride>> CalendarService::ListOverrides(std::optional<int> year) {
    if (year && !IsSupportedYear(*year)) {
        return Invalid("year");
    }
    const auto snapshot = GetSnapshot();
    std::vector<EffectiveOverride> selected;
    for (const auto& effective : snapshot->overrides) {
        if (!year || YearOf(effective.day.date) == *year) {
            selected.push_back(effective);
        }
    }
    return selected;
}

Outcome<EffectiveOverride> CalendarService::RecordOverride(const domain::Actor& actor,
                                                           DayOverride day) {
    const std::string date_text = domain::calendar::FormatIsoDate(day.date);
    MOTCUA_RETURN_IF_ERROR(CheckAccess(database_, clock_, actor,
                                       domain::Permission::kManageCalendar, {}, NoAgencyIsWithin,
                                       {"calendar.record_override", "calendar_day", date_text}));
    MOTCUA_RETURN_IF_ERROR(ValidateOverride(day));
    storage::CalendarOverrideRecord record;
    record.recorded_by = actor.is_system ? "system:" + actor.name : actor.login;
    record.recorded_at = FormatUtc(clock_.Now());
    record.day = std::move(day);
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto before, transaction.Calendar().Find(record.day.date));
        MOTCUA_RETURN_IF_ERROR(transaction.Calendar().Upsert(record));
        return AppendAudit(transaction, MakeAuditEntry(clock_, actor, "calendar.record_override",
                                                       "calendar_day", date_text, AuditOutcome::kOk,
                                                       ChangeDetail(record.day, before)));
    }));
    (void)Reload();  // The change is durable; a failed rebuild is retried on the next check.
    return EffectiveOverride{std::move(record.day), OverrideOrigin::kRecorded,
                             std::move(record.recorded_by), std::move(record.recorded_at)};
}

Outcome<Done> CalendarService::DeleteOverride(const domain::Actor& actor,
                                              std::chrono::sys_days date) {
    const std::string date_text = domain::calendar::FormatIsoDate(date);
    MOTCUA_RETURN_IF_ERROR(CheckAccess(database_, clock_, actor,
                                       domain::Permission::kManageCalendar, {}, NoAgencyIsWithin,
                                       {"calendar.delete_override", "calendar_day", date_text}));
    if (!IsSupportedYear(YearOf(date))) {
        return Invalid("date");
    }
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto before, transaction.Calendar().Find(date));
        if (!before) {
            return MakeError(ErrorKind::kNotFound, "calendar_override_not_found", date_text);
        }
        MOTCUA_RETURN_IF_ERROR(transaction.Calendar().Delete(date));
        return AppendAudit(transaction, MakeAuditEntry(clock_, actor, "calendar.delete_override",
                                                       "calendar_day", date_text, AuditOutcome::kOk,
                                                       ChangeDetail(std::nullopt, before)));
    }));
    (void)Reload();
    return Done{};
}

Outcome<domain::calendar::OfficeHours> ParseOfficeHours(std::string_view text) {
    std::vector<domain::calendar::OfficePeriod> periods;
    while (true) {
        const auto comma = text.find(',');
        const std::string_view period = text.substr(0, comma);
        const auto dash = period.find('-');
        if (dash == std::string_view::npos) {
            return Invalid("office_hours");
        }
        auto start = domain::calendar::ParseTimeOfDay(period.substr(0, dash));
        auto end = domain::calendar::ParseTimeOfDay(period.substr(dash + 1));
        if (!start || !end) {
            return Invalid("office_hours");
        }
        periods.push_back({start.Value(), end.Value()});
        if (comma == std::string_view::npos) {
            break;
        }
        text = text.substr(comma + 1);
    }
    return domain::calendar::OfficeHours::Create(std::move(periods));
}

}  // namespace motcua::services
