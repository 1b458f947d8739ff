// ReportService: the monthly TTHC report of an agency's subtree (or the province) — the cohort
// counts by field and channel, the 766 index and the plan's indicators — built from the counters.
// Officials with read_indicators over the agency read any period; the public reads the same
// aggregates (no personal data) for months that have ended: the monthly publication.
#pragma once

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "reporting/render/monthly_report.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/indicators/indicator_service.hpp"
#include "storage/database.hpp"

namespace motcua::services {

class ReportService {
public:
    ReportService(storage::Database& database, CatalogService& catalog,
                  IndicatorService& indicators, const Clock& clock);

    /// The report of `agency_code`'s subtree for `period` (403/401 without read_indicators
    /// over the agency; invalid_parameter agency when it is unknown).
    Outcome<reporting::render::MonthlyReport> Monthly(const domain::Actor& actor,
                                                      const std::string& agency_code,
                                                      const reporting::Period& period);
    /// The public publication: the same report for a month that has ended in Vietnam
    /// (period_not_ended otherwise). An empty agency is the province.
    Outcome<reporting::render::MonthlyReport> Publication(const std::string& agency_code,
                                                          const reporting::Period& period);

private:
    Outcome<reporting::render::MonthlyReport> Build(const std::string& agency_code,
                                                    const reporting::Period& period);

    storage::Database& database_;
    CatalogService& catalog_;
    IndicatorService& indicators_;
    const Clock& clock_;
};

}  // namespace motcua::services
