// The calendar overrides (storage/calendar_store.hpp) stored in SQLite: table calendar_overrides
// keyed by the ISO date text, and the calendar_revision counter (migration 0004).
#pragma once

#include "storage/calendar_store.hpp"

namespace motcua::storage::sqlite {

class SqliteConnection;

/// Calendar overrides on the connection of a transaction.
class SqliteCalendarStore final : public CalendarStore {
public:
    explicit SqliteCalendarStore(SqliteConnection& connection) : connection_(connection) {}
    Outcome<Done> Upsert(const CalendarOverrideRecord& record) override;
    Outcome<bool> Delete(std::chrono::sys_days date) override;
    Outcome<std::optional<CalendarOverrideRecord>> Find(std::chrono::sys_days date) override;
    Outcome<std::vector<CalendarOverrideRecord>> List(std::optional<int> year) override;
    Outcome<std::int64_t> GetRevision() override;

private:
    SqliteConnection& connection_;
};

}  // namespace motcua::storage::sqlite
