#include "services/indicators/drilldown_service.hpp"

#include <charconv>

#include "common/time_format.hpp"
#include "domain/calendar/local_date_time.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/indicators/indicator_service.hpp"

namespace motcua::services {
namespace {

// The cursor "agency index|received_at|id": where the previous page stopped.
struct Cursor {
    std::size_t agency = 0;
    std::string received_at;
    std::int64_t id = 0;
};

std::optional<Cursor> ParseCursor(const std::string& text) {
    if (text.empty()) {
        return Cursor{};
    }
    const auto first = text.find('|');
    const auto second = text.find('|', first == std::string::npos ? first : first + 1);
    if (first == std::string::npos || second == std::string::npos) {
        return std::nullopt;
    }
    Cursor cursor;
    const char* begin = text.data();
    if (std::from_chars(begin, begin + first, cursor.agency).ec != std::errc{} ||
        std::from_chars(begin + second + 1, begin + text.size(), cursor.id).ec != std::errc{}) {
        return std::nullopt;
    }
    cursor.received_at = text.substr(first + 1, second - first - 1);
    return cursor;
}

std::string FormatCursor(const Cursor& cursor) {
    return std::to_string(cursor.agency) + "|" + cursor.received_at + "|" +
           std::to_string(cursor.id);
}

bool Wanted(DrilldownFilter filter, const reporting::DossierJudgement& judgement) {
    switch (filter) {
        case DrilldownFilter::kAll:
            return true;
        case DrilldownFilter::kNumerator:
            return judgement.in_numerator;
        case DrilldownFilter::kNotNumerator:
            return judgement.in_denominator && !judgement.in_numerator;
    }
    return true;
}

}  // namespace

DrilldownService::DrilldownService(storage::Database& database, CatalogService& catalog,
                                   const Clock& clock)
    : database_(database), catalog_(catalog), clock_(clock) {}

std::optional<DrilldownFilter> ParseDrilldownFilter(std::string_view name) {
    for (const auto filter :
         {DrilldownFilter::kAll, DrilldownFilter::kNumerator, DrilldownFilter::kNotNumerator}) {
        if (name == DrilldownFilterName(filter)) {
            return filter;
        }
    }
    return std::nullopt;
}

const char* DrilldownFilterName(DrilldownFilter filter) {
    switch (filter) {
        case DrilldownFilter::kAll:
            return "all";
        case DrilldownFilter::kNumerator:
            return "numerator";
        case DrilldownFilter::kNotNumerator:
            return "not_numerator";
    }
    return "all";
}

Outcome<DrilldownPage> DrilldownService::List(const domain::Actor& actor,
                                              const DrilldownQuery& query) {
    if (query.limit < 1 || query.limit > kDrilldownMaxLimit) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "limit");
    }
    const auto snapshot = catalog_.GetSnapshot();
    if (snapshot->FindAgency(query.agency_code) == nullptr) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "agency");
    }
    const auto metrics = reporting::DossierMetricCodes();
    if (std::find(metrics.begin(), metrics.end(), query.metric) == metrics.end()) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "metric");
    }
    auto cursor = ParseCursor(query.cursor);
    const auto agencies = snapshot->SubtreeCodes(query.agency_code);
    if (!cursor || cursor->agency > agencies.size()) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "cursor");
    }
    MOTCUA_RETURN_IF_ERROR(CheckAccess(
        database_, clock_, actor, domain::Permission::kReadIndicators, {query.agency_code, 0},
        MakeIsWithin(snapshot), {"indicators.drilldown", "agency", query.agency_code}));
    storage::CohortFilter filter;
    const auto range = ReceivedRange(query.period);
    filter.received_from = range.from;
    filter.received_to = range.to;
    filter.limit = 200;
    DrilldownPage page;
    page.metric = reporting::MetricNameOf(query.metric);
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        while (cursor->agency < agencies.size() &&
               static_cast<int>(page.items.size()) < query.limit &&
               page.scanned < kDrilldownScanLimit) {
            filter.agency_code = agencies[cursor->agency];
            filter.after_received_at = cursor->received_at;
            filter.after_id = cursor->id;
            MOTCUA_ASSIGN_OR_RETURN(auto dossiers, transaction.Dossiers().ListCohort(filter));
            for (const auto& dossier : dossiers) {
                if (static_cast<int>(page.items.size()) == query.limit) {
                    break;
                }
                cursor->received_at = FormatUtc(*dossier.received_at);
                cursor->id = dossier.id;
                ++page.scanned;
                const domain::Procedure* procedure =
                    snapshot->FindProcedure(dossier.procedure_code);
                if (procedure == nullptr || !dossier.last_event_at) {
                    continue;  // Counts nowhere, as in the counters.
                }
                MOTCUA_ASSIGN_OR_RETURN(auto events, transaction.Dossiers().ListEvents(dossier.id));
                const auto profile = reporting::ProfileOf(*procedure);
                const auto facts =
                    reporting::ExtractFacts(dossier, events, profile, *dossier.last_event_at);
                const auto judged =
                    reporting::JudgeDossier(query.metric, facts, profile, query.period.kind);
                if (!judged || !Wanted(query.filter, *judged)) {
                    continue;
                }
                page.items.push_back({dossier.code, dossier.procedure_code,
                                      dossier.competent_agency, dossier.status, dossier.channel,
                                      dossier.received_at, dossier.due_at, dossier.finished_at,
                                      *judged, reporting::ReasonTextOf(judged->reason)});
            }
            const bool page_full = static_cast<int>(page.items.size()) == query.limit;
            if (!page_full && static_cast<int>(dossiers.size()) < filter.limit) {
                *cursor = Cursor{cursor->agency + 1, "", 0};  // This agency is done.
            }
        }
        return Done{};
    }));
    if (cursor->agency < agencies.size()) {
        page.next_cursor = FormatCursor(*cursor);
    }
    MOTCUA_RETURN_IF_ERROR(RecordAudit(
        database_,
        MakeAuditEntry(clock_, actor, "indicators.drilldown", "agency", query.agency_code,
                       AuditOutcome::kOk,
                       "{\"metric\":\"" + query.metric + "\",\"period\":\"" + query.period.Label() +
                           "\",\"dossiers\":" + std::to_string(page.items.size()) + "}")));
    return page;
}

}  // namespace motcua::services
