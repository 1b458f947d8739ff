// The kinds of reporting period: every indicator and report period is a whole month, quarter
// or year (docs/indicators.md).
#pragma once

namespace motcua::domain {

enum class PeriodKind { kMonth, kQuarter, kYear };

}  // namespace motcua::domain
