#include "storage/postgres/pg_calendar_store.hpp"

#include <pqxx/pqxx>

#include "domain/calendar/local_date_time.hpp"
#include "storage/postgres/pg_statement.hpp"

namespace motcua::storage::postgres {
namespace {

using domain::calendar::FormatIsoDate;

constexpr std::string_view kUpsertOverride =
    "INSERT INTO calendar_overrides (date, working, reason_vi, reason_en, source, recorded_by, "
    "recorded_at) VALUES ($1, $2::int, $3, $4, $5, $6, $7) ON CONFLICT (date) DO UPDATE SET "
    "working = excluded.working, reason_vi = excluded.reason_vi, "
    "reason_en = excluded.reason_en, source = excluded.source, "
    "recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at";
constexpr std::string_view kSelectColumns =
    "SELECT date, working, reason_vi, reason_en, source, recorded_by, recorded_at "
    "FROM calendar_overrides ";
constexpr std::string_view kBumpRevision =
    "UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1";

std::string FirstOfYear(int year) {
    return FormatIsoDate(std::chrono::sys_days{std::chrono::year{year} / 1 / 1});
}

// Reads one row; a stored date that no longer parses is a storage fault.
Outcome<CalendarOverrideRecord> ReadRow(const pqxx::row& row) {
    auto date = domain::calendar::ParseIsoDate(Text(row[0]));
    if (!date) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", {},
                         "stored calendar override has a bad date: " + Text(row[0]));
    }
    CalendarOverrideRecord record;
    record.day.date = date.Value();
    record.day.working = Int(row[1]) != 0;
    record.day.reason_vi = Text(row[2]);
    record.day.reason_en = Text(row[3]);
    record.day.source = Text(row[4]);
    record.recorded_by = Text(row[5]);
    record.recorded_at = Text(row[6]);
    return record;
}

Outcome<std::vector<CalendarOverrideRecord>> ReadRows(const pqxx::result& rows) {
    std::vector<CalendarOverrideRecord> records;
    for (const auto& row : rows) {
        auto record = ReadRow(row);
        if (!record) {
            return record.GetError();
        }
        records.push_back(std::move(record).Value());
    }
    return records;
}

}  // namespace

Outcome<Done> PgCalendarStore::Upsert(const CalendarOverrideRecord& record) {
    PgStatement(transaction_, std::string(kUpsertOverride))
        .Bind(FormatIsoDate(record.day.date))
        .Bind(std::int64_t{record.day.working ? 1 : 0})
        .Bind(record.day.reason_vi)
        .Bind(record.day.reason_en)
        .Bind(record.day.source)
        .Bind(record.recorded_by)
        .Bind(record.recorded_at)
        .Run();
    transaction_.exec(std::string(kBumpRevision));
    return Done{};
}

Outcome<bool> PgCalendarStore::Delete(std::chrono::sys_days date) {
    const auto removed = PgStatement(transaction_, "DELETE FROM calendar_overrides WHERE date = $1")
                             .Bind(FormatIsoDate(date))
                             .Run();
    if (removed.affected_rows() == 0) {
        return false;
    }
    transaction_.exec(std::string(kBumpRevision));
    return true;
}

Outcome<std::optional<CalendarOverrideRecord>> PgCalendarStore::Find(std::chrono::sys_days date) {
    auto records =
        ReadRows(PgStatement(transaction_, std::string(kSelectColumns) + "WHERE date = $1")
                     .Bind(FormatIsoDate(date))
                     .Run());
    if (!records) {
        return records.GetError();
    }
    if (records.Value().empty()) {
        return std::optional<CalendarOverrideRecord>{};
    }
    return std::optional<CalendarOverrideRecord>{std::move(records.Value().front())};
}

Outcome<std::vector<CalendarOverrideRecord>> PgCalendarStore::List(std::optional<int> year) {
    if (!year) {
        return ReadRows(transaction_.exec(std::string(kSelectColumns) + "ORDER BY date"));
    }
    // ISO dates sort as text (the column collates as "C"): a year is [YYYY-01-01, YYYY+1-01-01).
    return ReadRows(PgStatement(transaction_, std::string(kSelectColumns) +
                                                  "WHERE date >= $1 AND date < $2 ORDER BY date")
                        .Bind(FirstOfYear(*year))
                        .Bind(FirstOfYear(*year + 1))
                        .Run());
}

Outcome<std::int64_t> PgCalendarStore::GetRevision() {
    const auto rows = transaction_.exec("SELECT revision FROM calendar_revision WHERE id = 1");
    return rows.empty() ? std::int64_t{0} : Int(rows[0][0]);
}

}  // namespace motcua::storage::postgres
