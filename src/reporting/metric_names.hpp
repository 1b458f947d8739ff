// Display names of the 766 metrics (docs/domain.md §1.4), Vietnamese as the national portal words
// them and English, for reports, the dashboard and the drill-down.
#pragma once

#include <string_view>

namespace motcua::reporting {

struct MetricName {
    std::string_view vi;
    std::string_view en;
};

/// Returns the names of the metric with portal code `code`; the code itself when unknown
/// (`code` must then outlive the answer).
MetricName MetricNameOf(std::string_view code);

}  // namespace motcua::reporting
