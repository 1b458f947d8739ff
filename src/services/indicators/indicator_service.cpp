#include "services/indicators/indicator_service.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "common/time_format.hpp"
#include "domain/calendar/local_date_time.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/calendar/calendar_service.hpp"
#include "services/indicators/indicator_feed.hpp"
#include "services/indicators/rank_ties.hpp"

namespace motcua::services {

reporting::PlanTargets DefaultPlanTargets() {
    reporting::PlanTargets targets;
    for (const int year : {2025, 2026}) {
        targets.by_year[year] = {{"I.1", 80},  {"I.2", 60},   {"I.3", 60},    {"I.4", 80},
                                 {"I.5", 100}, {"II.1", 100}, {"II.2", 50},   {"II.3", 100},
                                 {"II.4", 90}, {"III.1", 90}, {"III.2", 100}, {"III.3", 100}};
    }
    return targets;
}

UtcRange ReceivedRange(const reporting::Period& period) {
    const auto midnight = [](std::chrono::sys_days day) {
        return FormatUtc(domain::calendar::ToInstant({day, std::chrono::minutes{0}}));
    };
    return {midnight(period.FirstDay()), midnight(period.LastDay() + std::chrono::days{1})};
}

std::optional<reporting::Period> ParsePeriod(std::string_view text) {
    const auto digits = [](std::string_view part) {
        return !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
    };
    if (text.size() < 4 || !digits(text.substr(0, 4))) {
        return std::nullopt;
    }
    reporting::Period period;
    period.year = std::stoi(std::string(text.substr(0, 4)));
    if (period.year < 1970 || period.year > 2100) {
        return std::nullopt;
    }
    if (text.size() == 4) {
        period.kind = reporting::PeriodKind::kYear;
        return period;
    }
    if (text.size() == 7 && text[4] == '-' && digits(text.substr(5, 2))) {
        period.kind = reporting::PeriodKind::kMonth;
        period.index = std::stoi(std::string(text.substr(5, 2)));
        return period.index >= 1 && period.index <= 12 ? std::optional(period) : std::nullopt;
    }
    if (text.size() == 7 && text[4] == '-' && text[5] == 'Q' && text[6] >= '1' && text[6] <= '4') {
        period.kind = reporting::PeriodKind::kQuarter;
        period.index = text[6] - '0';
        return period;
    }
    return std::nullopt;
}

IndicatorService::IndicatorService(storage::Database& database, CatalogService& catalog,
                                   const Clock& clock)
    : database_(database), catalog_(catalog), clock_(clock) {}

Outcome<RecomputeReport> IndicatorService::Recompute(const domain::Actor& actor) {
    const auto snapshot = catalog_.GetSnapshot();
    MOTCUA_RETURN_IF_ERROR(CheckAccess(
        database_, clock_, actor, domain::Permission::kImportDossiers, {snapshot->GetRootCode(), 0},
        MakeIsWithin(snapshot), {"indicators.recompute", "indicators", ""}));
    RecomputeReport report;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        report = {};
        MOTCUA_RETURN_IF_ERROR(transaction.Indicators().Clear());
        storage::DossierFilter page;
        page.order = storage::DossierOrder::kNewestFirst;
        page.limit = 1000;
        for (;;) {
            MOTCUA_ASSIGN_OR_RETURN(auto dossiers, transaction.Dossiers().List(page));
            for (const auto& dossier : dossiers) {
                const domain::Procedure* procedure =
                    snapshot->FindProcedure(dossier.procedure_code);
                if (procedure == nullptr) {
                    continue;  // A procedure no longer in the catalogue counts nowhere.
                }
                MOTCUA_ASSIGN_OR_RETURN(auto events, transaction.Dossiers().ListEvents(dossier.id));
                MOTCUA_RETURN_IF_ERROR(
                    FeedIndicators(transaction, *procedure, {}, {&dossier, events}));
                ++report.dossiers;
            }
            if (static_cast<int>(dossiers.size()) < page.limit) {
                break;
            }
            page.after_id = dossiers.back().id;
        }
        MOTCUA_ASSIGN_OR_RETURN(auto rows, transaction.Indicators().ListAll());
        report.rows = static_cast<int>(rows.size());
        return AppendAudit(
            transaction, MakeAuditEntry(clock_, actor, "indicators.recompute", "indicators", "",
                                        AuditOutcome::kOk,
                                        "{\"dossiers\":" + std::to_string(report.dossiers) + "}"));
    }));
    return report;
}

namespace {

using SumOf = std::unordered_map<std::string_view, reporting::Counters>;

// The years the trend and the plan are asked for: the calendar's.
Outcome<Done> CheckYear(int year) {
    if (year < kCalendarMinYear || year > kCalendarMaxYear) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "year");
    }
    return Done{};
}

bool IsCommune(const domain::Agency& agency) {
    return agency.kind == domain::AgencyKind::kCommune ||
           agency.kind == domain::AgencyKind::kCommuneServiceCentre;
}

// The index profile of every procedure of the catalogue, parallel to snapshot.procedures: built
// once per query, however many agencies it scores.
std::vector<reporting::ProcedureProfile> Profiles(const CatalogSnapshot& snapshot) {
    std::vector<reporting::ProcedureProfile> profiles;
    profiles.reserve(snapshot.procedures.size());
    for (const auto& procedure : snapshot.procedures) {
        profiles.push_back(reporting::ProfileOf(procedure));
    }
    return profiles;
}

// Scores the index of `agency`'s scope from the per-procedure sums of its subtree. Every
// procedure of the scope counts, with or without dossiers (3.1, 3.5 count procedures).
IndexAnswer Score(const CatalogSnapshot& snapshot,
                  const std::vector<reporting::ProcedureProfile>& profiles,
                  const domain::Agency& agency, const reporting::Period& period,
                  const SumOf& sum_of) {
    const bool commune = IsCommune(agency);
    IndexAnswer answer;
    answer.agency_code = agency.code;
    answer.period = period;
    answer.inputs.period = period;
    answer.inputs.scope =
        commune ? reporting::ScopeLevel::kCommune : reporting::ScopeLevel::kProvince;
    for (std::size_t i = 0; i < snapshot.procedures.size(); ++i) {
        const auto& procedure = snapshot.procedures[i];
        if (commune && procedure.level != domain::ProcedureLevel::kCommune) {
            continue;
        }
        reporting::ProcedureRollup rollup{profiles[i], {}};
        if (const auto found = sum_of.find(procedure.code); found != sum_of.end()) {
            rollup.counters = found->second;
        }
        answer.inputs.procedures.push_back(std::move(rollup));
    }
    answer.index = reporting::ScoreIndex766(answer.inputs);
    return answer;
}

// The month rows' key of `day`: "YYYY-MM".
std::string MonthKey(std::chrono::sys_days day) {
    return domain::calendar::FormatIsoDate(day).substr(0, 7);
}

}  // namespace

Outcome<IndexAnswer> IndicatorService::Index766(const std::string& agency_code,
                                                const reporting::Period& period) {
    const auto snapshot = catalog_.GetSnapshot();
    const domain::Agency* agency = snapshot->FindAgency(agency_code);
    if (agency == nullptr) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "agency");
    }
    std::vector<storage::ProcedureCounters> sums;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(
            auto found, transaction.Indicators().SumByProcedure(
                            snapshot->SubtreeCodes(agency->code), MonthKey(period.FirstDay()),
                            MonthKey(period.LastDay())));
        sums = std::move(found);
        return Done{};
    }));
    SumOf sum_of;
    for (const auto& sum : sums) {
        sum_of.emplace(sum.procedure_code, sum.counters);
    }
    return Score(*snapshot, Profiles(*snapshot), *agency, period, sum_of);
}

Outcome<RankingAnswer> IndicatorService::Ranking(const std::string& parent_code,
                                                 const reporting::Period& period) {
    const auto snapshot = catalog_.GetSnapshot();
    const domain::Agency* parent = snapshot->FindAgency(parent_code);
    if (parent == nullptr) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "parent");
    }
    std::vector<storage::AgencyProcedureCounters> rows;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto found,
                                transaction.Indicators().SumByAgencyAndProcedure(
                                    MonthKey(period.FirstDay()), MonthKey(period.LastDay())));
        rows = std::move(found);
        return Done{};
    }));
    // Each child of the parent is ranked on its whole subtree: the rows of every agency under
    // it, summed per procedure.
    const auto found_parent = snapshot->agency_by_code.find(parent->code);
    const auto& children = snapshot->agency_children[found_parent->second];
    std::unordered_map<std::string, std::size_t> child_of;
    for (std::size_t i = 0; i < children.size(); ++i) {
        for (auto& code : snapshot->SubtreeCodes(snapshot->agencies[children[i]].code)) {
            child_of.emplace(std::move(code), i);
        }
    }
    std::vector<SumOf> sums(children.size());
    SumOf parent_sums;
    for (const auto& row : rows) {
        const auto child = child_of.find(row.agency_code);
        if (child != child_of.end()) {
            sums[child->second][row.procedure_code] += row.counters;
        }
        if (child != child_of.end() || row.agency_code == parent->code) {
            parent_sums[row.procedure_code] += row.counters;
        }
    }
    RankingAnswer answer;
    const auto profiles = Profiles(*snapshot);
    answer.parent = Score(*snapshot, profiles, *parent, period, parent_sums);
    for (std::size_t i = 0; i < children.size(); ++i) {
        answer.children.push_back(
            Score(*snapshot, profiles, snapshot->agencies[children[i]], period, sums[i]));
    }
    std::stable_sort(
        answer.children.begin(), answer.children.end(),
        [](const auto& a, const auto& b) { return a.index.total_score > b.index.total_score; });
    std::vector<double> shown_scores;
    shown_scores.reserve(answer.children.size());
    for (const auto& child : answer.children) {
        shown_scores.push_back(reporting::RoundForDisplay(child.index.total_score));
    }
    answer.ranks = RankWithTies(shown_scores);
    return answer;
}

Outcome<std::shared_ptr<const RankingAnswer>> IndicatorService::SharedRanking(
    const std::string& parent_code, const reporting::Period& period) {
    const std::string key =
        std::to_string(catalog_.GetSnapshot()->revision) + "|" + parent_code + "|" + period.Label();
    return shared_.Get(key, clock_.Now(), [&] { return Ranking(parent_code, period); });
}

Outcome<std::vector<IndexAnswer>> IndicatorService::Trend(const std::string& agency_code,
                                                          int year) {
    MOTCUA_RETURN_IF_ERROR(CheckYear(year));
    std::vector<IndexAnswer> months;
    for (int month = 1; month <= 12; ++month) {
        MOTCUA_ASSIGN_OR_RETURN(
            auto answer, Index766(agency_code, {reporting::PeriodKind::kMonth, year, month}));
        months.push_back(std::move(answer));
    }
    return months;
}

Outcome<std::vector<reporting::PlanIndicatorResult>> IndicatorService::Plan(
    const std::string& agency_code, int year, const reporting::PlanTargets& targets) {
    MOTCUA_RETURN_IF_ERROR(CheckYear(year));
    MOTCUA_ASSIGN_OR_RETURN(auto answer,
                            Index766(agency_code, {reporting::PeriodKind::kYear, year, 1}));
    return reporting::EvaluatePlan(answer.index, answer.inputs, targets, year);
}

}  // namespace motcua::services
