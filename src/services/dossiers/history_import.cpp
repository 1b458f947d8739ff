#include "services/dossiers/history_import.hpp"

#include "common/text_lines.hpp"
#include "common/time_format.hpp"
#include "domain/calendar/local_date_time.hpp"
#include "domain/dossier/dossier_status.hpp"
#include "domain/dossier/transitions.hpp"
#include "interchange/dossier_history_json.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/indicators/indicator_feed.hpp"

namespace motcua::services {
namespace {

constexpr std::size_t kLinesPerTransaction = 500;

struct ParsedLine {
    int number = 0;
    interchange::HistoryRecord record;
};

Error LineError(std::string param, std::string detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_import", std::move(param), std::move(detail));
}

// When `code` is "{agency}-{yyMMdd}-{digits}", returns (day, sequence) so that the daily counter
// can be raised past it.
std::optional<std::pair<std::string, int>> CodeSequence(const std::string& code,
                                                        const std::string& agency) {
    if (code.size() < agency.size() + 12 || code.compare(0, agency.size(), agency) != 0 ||
        code[agency.size()] != '-' || code[agency.size() + 7] != '-') {
        return std::nullopt;
    }
    const std::string day = code.substr(agency.size() + 1, 6);
    const std::string digits = code.substr(agency.size() + 8);
    if (day.find_first_not_of("0123456789") != std::string::npos || digits.empty() ||
        digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    return std::make_pair(day, std::stoi(digits));
}

// A dossier cannot have been received under a procedure before the procedure took effect (its
// first event's day in Vietnam against `effective_from`): such a line is a wrong date or the
// wrong procedure, and would put invented dossiers into past periods' indicators.
Outcome<Done> CheckWithinValidity(const interchange::HistoryRecord& record,
                                  const domain::Procedure& procedure) {
    if (procedure.effective_from.empty()) {
        return Done{};
    }
    auto effective = domain::calendar::ParseIsoDate(procedure.effective_from);
    if (!effective) {
        return Done{};  // The catalogue validates the date; an unreadable one restricts nothing.
    }
    const auto day = domain::calendar::ToLocalDateTime(record.events.front().input.at).date;
    if (day < effective.Value()) {
        return LineError("events[0].at",
                         "before the procedure's validity: " + record.procedure_code +
                             " is in effect from " + procedure.effective_from);
    }
    return Done{};
}

// Replays one record through the state machine; returns the dossier and its events.
Outcome<std::pair<domain::Dossier, std::vector<domain::DossierEvent>>> Replay(
    const interchange::HistoryRecord& record, const CatalogSnapshot& snapshot,
    const domain::DeadlineContext& context, Instant now) {
    const domain::Procedure* found = snapshot.FindProcedure(record.procedure_code);
    if (found == nullptr) {
        return LineError("procedure", "unknown procedure " + record.procedure_code);
    }
    const auto& procedure = *found;
    if (snapshot.FindAgency(record.agency) == nullptr) {
        return LineError("agency", "unknown agency " + record.agency);
    }
    MOTCUA_RETURN_IF_ERROR(ValidateApplicant(record.applicant));
    MOTCUA_RETURN_IF_ERROR(CheckWithinValidity(record, procedure));
    const auto first = record.events.front().input.action;
    if (first != domain::DossierAction::kSubmit && first != domain::DossierAction::kReceive) {
        return LineError("events[0].action", "the history starts with submit or receive");
    }
    auto dossier = domain::InitializeDossier(procedure, record.code, record.agency, record.channel,
                                             record.applicant, 0);
    if (record.fee_total) {
        dossier.fee_total = *record.fee_total;
    }
    dossier.metadata_json = record.metadata_json;
    std::vector<domain::DossierEvent> events;
    bool due_kept = !record.due_at.has_value();
    for (std::size_t i = 0; i < record.events.size(); ++i) {
        auto input = record.events[i].input;
        if (input.at > now) {
            // History is what happened: an event after now is a wrong date, not a plan.
            return LineError("events[" + std::to_string(i) + "].at",
                             "in the future: history ends now (" + FormatVietnam(now) + ")");
        }
        input.actor_agency = dossier.current_agency;
        // The previous system's file references: kept in the history, never served here.
        input.file_origin = domain::FileOrigin::kHistory;
        auto applied = domain::ApplyAction(dossier, input, procedure, context);
        if (!applied) {
            Error error = applied.GetError();
            const std::string where = "events[" + std::to_string(i) + "]";
            if (error.kind == ErrorKind::kInvalidTransition) {
                error.detail = std::string(domain::ActionName(input.action)) +
                               " is not allowed in status " +
                               std::to_string(domain::StatusCode(dossier.status)) + " (" +
                               domain::StatusName(dossier.status) + ")";
                error.param = where + ".action";
            } else {
                error.param = where + (error.param.empty() ? "" : "." + error.param);
            }
            error.kind = ErrorKind::kInvalid;
            error.code = "invalid_import";
            return error;
        }
        dossier = std::move(applied.Value().dossier);
        auto event = std::move(applied.Value().event);
        if (!due_kept && dossier.due_at) {
            // The previous system's appointment date is kept as it was given.
            dossier.due_at = record.due_at;
            if (!dossier.steps.empty()) {
                dossier.steps.back().due_at = record.due_at;
            }
            event.due_at = record.due_at;
            due_kept = true;
        }
        events.push_back(std::move(event));
    }
    // Past its due time and still open: recorded overdue now, as the overdue job's next run
    // would, so that the indicators are right when the import returns.
    if (dossier.due_at && *dossier.due_at < now && !dossier.overdue_at &&
        domain::IsClockRunning(dossier.status) &&
        domain::NextStatus(dossier.status, domain::DossierAction::kMarkOverdue)) {
        domain::ActionInput mark;
        mark.action = domain::DossierAction::kMarkOverdue;
        mark.at = now;
        mark.actor_login = DossierService::OverdueJobActor().EventLogin();
        mark.actor_agency = dossier.current_agency;
        MOTCUA_ASSIGN_OR_RETURN(auto marked,
                                domain::ApplyAction(dossier, mark, procedure, context));
        dossier = std::move(marked.dossier);
        events.push_back(std::move(marked.event));
    }
    return std::make_pair(std::move(dossier), std::move(events));
}

}  // namespace

HistoryImporter::HistoryImporter(storage::Database& database, CatalogService& catalog,
                                 DossierService& dossiers, const Clock& clock)
    : database_(database), catalog_(catalog), dossiers_(dossiers), clock_(clock) {}

Outcome<HistoryImportReport> HistoryImporter::Import(const domain::Actor& actor,
                                                     std::string_view jsonl) {
    const auto snapshot = catalog_.GetSnapshot();
    MOTCUA_RETURN_IF_ERROR(CheckAccess(
        database_, clock_, actor, domain::Permission::kImportDossiers, {snapshot->GetRootCode(), 0},
        MakeIsWithin(snapshot), {"dossier.import", "dossier", ""}));
    const auto deadlines = dossiers_.GetDeadlines();
    const auto context = deadlines.Context();
    const Instant now = clock_.Now();
    HistoryImportReport report;
    auto reject = [&](int line, Error error) {
        ++report.rejected;
        if (report.errors.size() < kMaxReportedErrors) {
            report.errors.push_back({line, std::move(error)});
        }
    };
    std::vector<ParsedLine> batch;
    auto flush = [&]() -> Outcome<Done> {
        if (batch.empty()) {
            return Done{};
        }
        int stored = 0;
        std::vector<std::pair<int, Error>> failed;
        MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction)
                                                   -> Outcome<Done> {
            stored = 0;
            failed.clear();
            auto& store = transaction.Dossiers();
            for (const auto& line : batch) {
                auto outcome = transaction.Isolated([&]() -> Outcome<Done> {
                    MOTCUA_ASSIGN_OR_RETURN(auto replayed,
                                            Replay(line.record, *snapshot, context, now));
                    auto& [dossier, events] = replayed;
                    MOTCUA_ASSIGN_OR_RETURN(auto id, store.Insert(dossier));
                    dossier.id = id;
                    for (const auto& event : events) {
                        MOTCUA_RETURN_IF_ERROR(store.AppendEvent(id, event));
                        // A dossier the previous system had synced is not sent again.
                        if (!dossier.synced) {
                            MOTCUA_RETURN_IF_ERROR(
                                dossiers_.EnqueueOutbox(transaction, dossier, event));
                        }
                    }
                    const auto& procedure =
                        snapshot
                            ->procedures[snapshot->procedure_by_code.at(dossier.procedure_code)];
                    MOTCUA_RETURN_IF_ERROR(
                        FeedIndicators(transaction, procedure, {}, {&dossier, events}));
                    if (const auto sequence =
                            CodeSequence(dossier.code, dossier.receiving_agency)) {
                        MOTCUA_RETURN_IF_ERROR(store.EnsureSequenceAtLeast(
                            dossier.receiving_agency, sequence->first, sequence->second));
                    }
                    return Done{};
                });
                if (outcome) {
                    ++stored;
                } else {
                    failed.emplace_back(line.number, outcome.GetError());
                }
            }
            return AppendAudit(
                transaction,
                MakeAuditEntry(clock_, actor, "dossier.import", "dossier", "", AuditOutcome::kOk,
                               "{\"imported\":" + std::to_string(stored) +
                                   ",\"rejected\":" + std::to_string(failed.size()) + "}"));
        }));
        report.imported += stored;
        for (auto& [line, error] : failed) {
            reject(line, std::move(error));
        }
        batch.clear();
        return Done{};
    };
    int number = 0;
    for (const auto line : SplitLines(jsonl)) {
        ++number;
        if (line.find_first_not_of(" \t") == std::string_view::npos) {
            continue;
        }
        auto record = interchange::ParseHistoryLine(line);
        if (!record) {
            reject(number, record.GetError());
            continue;
        }
        batch.push_back({number, std::move(record).Value()});
        if (batch.size() >= kLinesPerTransaction) {
            MOTCUA_RETURN_IF_ERROR(flush());
        }
    }
    MOTCUA_RETURN_IF_ERROR(flush());
    return report;
}

}  // namespace motcua::services
