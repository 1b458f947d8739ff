#include "reporting/period.hpp"

#include <cstdio>

namespace motcua::reporting {

using std::chrono::sys_days;
using std::chrono::year_month_day;

namespace {

int FirstMonth(const Period& period) {
    switch (period.kind) {
        case PeriodKind::kMonth:
            return period.index;
        case PeriodKind::kQuarter:
            return 3 * (period.index - 1) + 1;
        case PeriodKind::kYear:
            return 1;
    }
    return 1;
}

int MonthCount(PeriodKind kind) {
    switch (kind) {
        case PeriodKind::kMonth:
            return 1;
        case PeriodKind::kQuarter:
            return 3;
        case PeriodKind::kYear:
            return 12;
    }
    return 1;
}

}  // namespace

sys_days Period::FirstDay() const {
    return sys_days{std::chrono::year{year} /
                    std::chrono::month{static_cast<unsigned>(FirstMonth(*this))} / 1};
}

sys_days Period::LastDay() const {
    const auto first = std::chrono::year{year} /
                       std::chrono::month{static_cast<unsigned>(FirstMonth(*this))} /
                       std::chrono::last;
    const auto last_month = first.month() + std::chrono::months{MonthCount(kind) - 1};
    return sys_days{std::chrono::year{year} / last_month / std::chrono::last};
}

bool Period::Contains(sys_days day) const { return FirstDay() <= day && day <= LastDay(); }

std::string Period::Label() const {
    char buffer[16];
    switch (kind) {
        case PeriodKind::kMonth:
            std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, index);
            break;
        case PeriodKind::kQuarter:
            std::snprintf(buffer, sizeof buffer, "%04d-Q%d", year, index);
            break;
        case PeriodKind::kYear:
            std::snprintf(buffer, sizeof buffer, "%04d", year);
            break;
    }
    return buffer;
}

Period Period::Containing(PeriodKind kind, sys_days day) {
    const year_month_day ymd{day};
    const int month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    const int y = static_cast<int>(ymd.year());
    switch (kind) {
        case PeriodKind::kMonth:
            return {kind, y, month};
        case PeriodKind::kQuarter:
            return {kind, y, (month - 1) / 3 + 1};
        case PeriodKind::kYear:
            return {kind, y, 1};
    }
    return {kind, y, month};
}

const char* PeriodKindName(PeriodKind kind) {
    switch (kind) {
        case PeriodKind::kMonth:
            return "month";
        case PeriodKind::kQuarter:
            return "quarter";
        case PeriodKind::kYear:
            return "year";
    }
    return "month";
}

}  // namespace motcua::reporting
