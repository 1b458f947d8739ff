// The working-calendar overrides (holidays, make-up working days), written once for both
// backends.
#pragma once

#include "storage/calendar_store.hpp"
#include "storage/sql/statement.hpp"

namespace motcua::storage::sql {

class SqlCalendarStore final : public CalendarStore {
public:
    explicit SqlCalendarStore(Session& session) : session_(session) {}
    Outcome<Done> Upsert(const CalendarOverrideRecord& record) override;
    Outcome<bool> Delete(std::chrono::sys_days date) override;
    Outcome<std::optional<CalendarOverrideRecord>> Find(std::chrono::sys_days date) override;
    Outcome<std::vector<CalendarOverrideRecord>> List(std::optional<int> year) override;
    Outcome<std::int64_t> GetRevision() override;

private:
    Session& session_;
};

}  // namespace motcua::storage::sql
