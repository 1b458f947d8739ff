// DrilldownService: the dossiers behind a 766 figure — every dossier of the metric's cohort
// (an agency subtree's dossiers received in the period), each with whether it counts in the
// numerator and the denominator and why (reporting/metric_membership.hpp). The facts are taken
// as of each dossier's last event, as the counters take them, so the list adds up to the figure.
// Lists dossier codes and statuses (no applicant data); officials with read_indicators over the
// agency only, and every page read is audited.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "domain/dossier/dossier.hpp"
#include "reporting/metric_membership.hpp"
#include "reporting/metric_names.hpp"
#include "reporting/period.hpp"
#include "services/catalog/catalog_service.hpp"
#include "storage/database.hpp"

namespace motcua::services {

enum class DrilldownFilter { kAll, kNumerator, kNotNumerator };

/// "all", "numerator" or "not_numerator"; nullopt for any other name.
std::optional<DrilldownFilter> ParseDrilldownFilter(std::string_view name);
const char* DrilldownFilterName(DrilldownFilter filter);

/// The page size a caller may ask for.
inline constexpr int kDrilldownMaxLimit = 500;

struct DrilldownQuery {
    std::string agency_code;
    reporting::Period period;
    std::string metric;
    DrilldownFilter filter = DrilldownFilter::kAll;
    std::string cursor;  // From the previous page's next_cursor; empty: the first page.
    int limit = 50;      // 1..kDrilldownMaxLimit.
};

struct DrilldownItem {
    std::string code;
    std::string procedure_code;
    std::string competent_agency;
    domain::DossierStatus status = domain::DossierStatus::kReceived;
    domain::Channel channel = domain::Channel::kOnline;
    std::optional<Instant> received_at;
    std::optional<Instant> due_at;
    std::optional<Instant> finished_at;
    reporting::DossierJudgement judgement;
    reporting::ReasonText reason;  // The judgement's reason in words.
};

struct DrilldownPage {
    reporting::MetricName metric;  // The metric's names.
    std::vector<DrilldownItem> items;
    std::string next_cursor;  // Empty at the end of the cohort.
    int scanned = 0;          // Dossiers judged for this page (filters skip some).
};

/// Dossiers judged per page at most, so that a rare filter answers quickly with a cursor.
inline constexpr int kDrilldownScanLimit = 5000;

class DrilldownService {
public:
    DrilldownService(storage::Database& database, CatalogService& catalog, const Clock& clock);

    /// One page of the cohort (invalid_parameter agency/metric/cursor/limit; 401/403 without
    /// access).
    Outcome<DrilldownPage> List(const domain::Actor& actor, const DrilldownQuery& query);

private:
    storage::Database& database_;
    CatalogService& catalog_;
    const Clock& clock_;
};

}  // namespace motcua::services
