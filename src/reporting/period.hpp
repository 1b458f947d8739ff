// Reporting period: a calendar month, quarter or year in Vietnamese civil dates — the periods the
// national portal evaluates the 766 index for (`timeType` = month|quarter|year, docs/domain.md
// §1.2). Unfinished dossiers are judged at the period's end (docs/domain.md §1.4, 2.1), so the
// period kind also selects which period-end counters a query reads (counters.hpp).
#pragma once

#include <chrono>
#include <string>

#include "domain/indicators/period_kind.hpp"

namespace motcua::reporting {

using domain::PeriodKind;

/// One month (index 1–12), quarter (1–4) or year (index ignored).
struct Period {
    PeriodKind kind = PeriodKind::kMonth;
    int year = 2025;
    int index = 1;

    /// Returns the period's first civil day.
    std::chrono::sys_days FirstDay() const;
    /// Returns the period's last civil day (the day unfinished dossiers are judged at).
    std::chrono::sys_days LastDay() const;
    /// Returns true when `day` lies in the period.
    bool Contains(std::chrono::sys_days day) const;
    /// Returns "2025-03", "2025-Q1" or "2025".
    std::string Label() const;

    /// Returns the period of `kind` that contains `day`.
    static Period Containing(PeriodKind kind, std::chrono::sys_days day);
};

const char* PeriodKindName(PeriodKind kind);

}  // namespace motcua::reporting
