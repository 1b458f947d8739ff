#include "storage/sql/sql_calendar_store.hpp"

#include "domain/calendar/local_date_time.hpp"

namespace motcua::storage::sql {
namespace {

using domain::calendar::FormatIsoDate;

constexpr std::string_view kUpsertOverride =
    "INSERT INTO calendar_overrides (date, working, reason_vi, reason_en, source, recorded_by, "
    "recorded_at) VALUES (?1, ?2::int, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (date) DO UPDATE SET "
    "working = excluded.working, reason_vi = excluded.reason_vi, "
    "reason_en = excluded.reason_en, source = excluded.source, "
    "recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at";
constexpr std::string_view kDeleteOverride = "DELETE FROM calendar_overrides WHERE date = ?1";
constexpr std::string_view kSelectColumns =
    "SELECT date, working, reason_vi, reason_en, source, recorded_by, recorded_at "
    "FROM calendar_overrides ";
constexpr std::string_view kWhereDate = "WHERE date = ?1";
// ISO dates sort as text, so a year is the half-open text range [YYYY-01-01, YYYY+1-01-01).
constexpr std::string_view kWhereYear = "WHERE date >= ?1 AND date < ?2 ORDER BY date";
constexpr std::string_view kOrderByDate = "ORDER BY date";
constexpr std::string_view kBumpRevision =
    "UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1";
constexpr std::string_view kSelectRevision = "SELECT revision FROM calendar_revision WHERE id = 1";

std::string Sql(std::string_view select, std::string_view rest) {
    return std::string(select) + std::string(rest);
}

std::string FirstOfYear(int year) {
    return FormatIsoDate(std::chrono::sys_days{std::chrono::year{year} / 1 / 1});
}

// Reads the current row; a stored date that no longer parses is a storage fault.
Outcome<CalendarOverrideRecord> ReadRow(const Statement& row) {
    auto date = domain::calendar::ParseIsoDate(row.ColumnText(0));
    if (!date) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", {},
                         "stored calendar override has a bad date: " + row.ColumnText(0));
    }
    CalendarOverrideRecord record;
    record.day.date = date.Value();
    record.day.working = row.ColumnInt(1) != 0;
    record.day.reason_vi = row.ColumnText(2);
    record.day.reason_en = row.ColumnText(3);
    record.day.source = row.ColumnText(4);
    record.recorded_by = row.ColumnText(5);
    record.recorded_at = row.ColumnText(6);
    return record;
}

}  // namespace

Outcome<Done> SqlCalendarStore::Upsert(const CalendarOverrideRecord& record) {
    auto upsert = session_.Prepare(kUpsertOverride);
    upsert.Bind(1, FormatIsoDate(record.day.date))
        .Bind(2, std::int64_t{record.day.working ? 1 : 0})
        .Bind(3, record.day.reason_vi)
        .Bind(4, record.day.reason_en)
        .Bind(5, record.day.source)
        .Bind(6, record.recorded_by)
        .Bind(7, record.recorded_at)
        .Run();
    session_.Prepare(kBumpRevision).Run();
    return Done{};
}

Outcome<bool> SqlCalendarStore::Delete(std::chrono::sys_days date) {
    auto remove = session_.Prepare(kDeleteOverride);
    remove.Bind(1, FormatIsoDate(date)).Run();
    if (remove.Changes() == 0) {
        return false;
    }
    session_.Prepare(kBumpRevision).Run();
    return true;
}

Outcome<std::optional<CalendarOverrideRecord>> SqlCalendarStore::Find(std::chrono::sys_days date) {
    auto select = session_.Prepare(Sql(kSelectColumns, kWhereDate));
    select.Bind(1, FormatIsoDate(date));
    if (!select.Step()) {
        return std::optional<CalendarOverrideRecord>{};
    }
    auto record = ReadRow(select);
    if (!record) {
        return record.GetError();
    }
    return std::optional<CalendarOverrideRecord>{std::move(record).Value()};
}

Outcome<std::vector<CalendarOverrideRecord>> SqlCalendarStore::List(std::optional<int> year) {
    auto select = session_.Prepare(Sql(kSelectColumns, year ? kWhereYear : kOrderByDate));
    if (year) {
        select.Bind(1, FirstOfYear(*year)).Bind(2, FirstOfYear(*year + 1));
    }
    std::vector<CalendarOverrideRecord> records;
    while (select.Step()) {
        auto record = ReadRow(select);
        if (!record) {
            return record.GetError();
        }
        records.push_back(std::move(record).Value());
    }
    return records;
}

Outcome<std::int64_t> SqlCalendarStore::GetRevision() {
    auto select = session_.Prepare(kSelectRevision);
    return select.Step() ? select.ColumnInt(0) : std::int64_t{0};
}

}  // namespace motcua::storage::sql
