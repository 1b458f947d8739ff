#include "services/indicators/indicator_service.hpp"

#include <string_view>
#include <unordered_map>

#include "domain/calendar/local_date_time.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/indicators/indicator_feed.hpp"

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
            auto dossiers = transaction.Dossiers().List(page);
            if (!dossiers) {
                return dossiers.GetError();
            }
            for (const auto& dossier : dossiers.Value()) {
                const auto found = snapshot->procedure_by_code.find(dossier.procedure_code);
                if (found == snapshot->procedure_by_code.end()) {
                    continue;  // A procedure no longer in the catalogue counts nowhere.
                }
                auto events = transaction.Dossiers().ListEvents(dossier.id);
                if (!events) {
                    return events.GetError();
                }
                MOTCUA_RETURN_IF_ERROR(FeedIndicators(transaction,
                                                      snapshot->procedures[found->second], {},
                                                      {&dossier, events.Value()}));
                ++report.dossiers;
            }
            if (static_cast<int>(dossiers.Value().size()) < page.limit) {
                break;
            }
            page.after_id = dossiers.Value().back().id;
        }
        auto rows = transaction.Indicators().ListAll();
        if (!rows) {
            return rows.GetError();
        }
        report.rows = static_cast<int>(rows.Value().size());
        return AppendAudit(
            transaction, MakeAuditEntry(clock_, actor, "indicators.recompute", "indicators", "",
                                        AuditOutcome::kOk,
                                        "{\"dossiers\":" + std::to_string(report.dossiers) + "}"));
    }));
    return report;
}

Outcome<IndexAnswer> IndicatorService::Index766(const std::string& agency_code,
                                                const reporting::Period& period) {
    const auto snapshot = catalog_.GetSnapshot();
    const domain::Agency* agency = snapshot->FindAgency(agency_code);
    if (agency == nullptr) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "agency");
    }
    const bool commune = agency->kind == domain::AgencyKind::kCommune ||
                         agency->kind == domain::AgencyKind::kCommuneServiceCentre;
    IndexAnswer answer;
    answer.agency_code = agency->code;
    answer.period = period;
    answer.inputs.period = period;
    answer.inputs.scope =
        commune ? reporting::ScopeLevel::kCommune : reporting::ScopeLevel::kProvince;
    std::vector<storage::ProcedureCounters> sums;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto found = transaction.Indicators().SumByProcedure(
            snapshot->SubtreeCodes(agency->code),
            domain::calendar::FormatIsoDate(period.FirstDay()),
            domain::calendar::FormatIsoDate(period.LastDay()));
        if (!found) {
            return found.GetError();
        }
        sums = std::move(found).Value();
        return Done{};
    }));
    // One sum per procedure code (the store groups by it).
    std::unordered_map<std::string_view, const reporting::Counters*> sum_of;
    for (const auto& sum : sums) {
        sum_of.emplace(sum.procedure_code, &sum.counters);
    }
    // Every procedure of the scope counts, with or without dossiers (3.1, 3.5 count procedures).
    for (const auto& procedure : snapshot->procedures) {
        if (commune && procedure.level != domain::ProcedureLevel::kCommune) {
            continue;
        }
        reporting::ProcedureRollup rollup{reporting::ProfileOf(procedure), {}};
        if (const auto found = sum_of.find(procedure.code); found != sum_of.end()) {
            rollup.counters = *found->second;
        }
        answer.inputs.procedures.push_back(std::move(rollup));
    }
    answer.index = reporting::ScoreIndex766(answer.inputs);
    return answer;
}

Outcome<std::vector<reporting::PlanIndicatorResult>> IndicatorService::Plan(
    const std::string& agency_code, int year, const reporting::PlanTargets& targets) {
    auto answer = Index766(agency_code, {reporting::PeriodKind::kYear, year, 1});
    if (!answer) {
        return answer.GetError();
    }
    return reporting::EvaluatePlan(answer.Value().index, answer.Value().inputs, targets, year);
}

}  // namespace motcua::services
