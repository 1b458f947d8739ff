// The calendar overrides (storage/calendar_store.hpp) in PostgreSQL: calendar_overrides keyed
// by the ISO date text, and the calendar_revision counter (migration 0004).
#pragma once

#include "storage/calendar_store.hpp"

namespace pqxx {
class transaction_base;
}

namespace motcua::storage::postgres {

/// Calendar overrides on the libpqxx transaction of a Database::Write or Read.
class PgCalendarStore final : public CalendarStore {
public:
    explicit PgCalendarStore(pqxx::transaction_base& transaction) : transaction_(transaction) {}
    Outcome<Done> Upsert(const CalendarOverrideRecord& record) override;
    Outcome<bool> Delete(std::chrono::sys_days date) override;
    Outcome<std::optional<CalendarOverrideRecord>> Find(std::chrono::sys_days date) override;
    Outcome<std::vector<CalendarOverrideRecord>> List(std::optional<int> year) override;
    Outcome<std::int64_t> GetRevision() override;

private:
    pqxx::transaction_base& transaction_;
};

}  // namespace motcua::storage::postgres
