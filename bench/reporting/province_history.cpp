#include "province_history.hpp"

#include <chrono>
#include <map>
#include <random>
#include <stdexcept>
#include <tuple>

#include "domain/calendar/local_date_time.hpp"
#include "reporting/counters.hpp"
#include "reporting/dossier_facts.hpp"

namespace motcua::bench {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::sys_days;

// Relative volume per month: Tết (late January / February) dips, the year's end peaks.
constexpr double kSeason[12] = {1.05, 0.55, 1.0, 1.0, 1.0, 0.95, 0.95, 1.0, 1.0, 1.05, 1.1, 1.3};

Instant LocalAt(sys_days day, int minute_of_day) {
    return domain::calendar::ToInstant({day, minutes{minute_of_day}});
}

struct Picker {
    std::mt19937 random;
    bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; }
    std::size_t Index(std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
    }
};

// The weekdays of the two years, each repeated by its month's seasonal weight (a lookup table
// that turns a uniform pick into a seasonal one).
std::vector<sys_days> SeasonalWeekdays(int first_year) {
    std::vector<sys_days> days_table;
    const sys_days first{std::chrono::year{first_year} / 1 / 1};
    const sys_days end{std::chrono::year{first_year + 2} / 1 / 1};
    for (sys_days day = first; day < end; day += days{1}) {
        const std::chrono::weekday weekday{day};
        if (weekday == std::chrono::Saturday || weekday == std::chrono::Sunday) {
            continue;
        }
        const unsigned month = static_cast<unsigned>(std::chrono::year_month_day{day}.month());
        for (int copies = static_cast<int>(kSeason[month - 1] * 20); copies > 0; --copies) {
            days_table.push_back(day);
        }
    }
    return days_table;
}

domain::Dossier MakeDossier(std::int64_t n, const domain::Procedure& procedure,
                            const std::string& agency, sys_days day, Picker& pick) {
    domain::Dossier d;
    d.code = "BENCH-" + std::to_string(n);
    d.procedure_code = procedure.code;
    d.competent_agency = agency;
    d.receiving_agency = agency;
    d.current_agency = agency;
    d.current_step = -1;
    const double channel = std::uniform_real_distribution<double>(0, 1)(pick.random);
    d.channel = channel < 0.55   ? domain::Channel::kOnline
                : channel < 0.95 ? domain::Channel::kDesk
                                 : domain::Channel::kPostal;
    d.applicant.id_number = "0560" + std::to_string(10000000 + n % 90000000);
    d.applicant.name = "Công dân " + std::to_string(n);
    const Instant received =
        LocalAt(day, 7 * 60 + 30 + static_cast<int>(pick.Index(std::size_t{9} * 60)));
    d.submitted_at = received;
    d.last_event_at = received;
    if (pick.Chance(0.02)) {  // Refused at reception.
        d.status = domain::DossierStatus::kRefused;
        d.terminal_at = received + hours{2};
        d.last_event_at = d.terminal_at;
        d.event_count = 2;  // Submitted, refused.
        return d;
    }
    d.received_at = received;
    d.counting_from = received;
    d.due_at = received + days{3 + static_cast<int>(pick.Index(12))};
    d.fee_total = procedure.FeeTotal();
    d.components = {{"TP1", pick.Chance(0.8), pick.Chance(0.4) ? "national_store" : "", {}},
                    {"TP2", pick.Chance(0.5), pick.Chance(0.2) ? "database" : "", {}}};
    if (pick.Chance(0.10)) {
        d.supplement_requests = pick.Chance(0.1) ? 2 : 1;
    }
    d.synced = pick.Chance(0.9);
    const double outcome = std::uniform_real_distribution<double>(0, 1)(pick.random);
    Instant last = received;
    if (outcome < 0.85) {
        const bool late = pick.Chance(0.07);
        d.finished_at = late ? *d.due_at + days{1 + static_cast<int>(pick.Index(5))}
                             : received + (*d.due_at - received) / 2;
        d.status = domain::DossierStatus::kFinished;
        last = *d.finished_at;
        if (late) {
            d.overdue_at = *d.due_at;
        }
        d.result_kind = pick.Chance(0.7) ? "electronic" : "paper";
        if (d.result_kind == "electronic") {
            d.e_result_sha256 = std::string(64, 'e');
        }
        if (pick.Chance(0.9)) {
            d.status = domain::DossierStatus::kReturned;
            d.returned_at = *d.finished_at + days{1};
            d.delivery = "desk";
            last = *d.returned_at;
            if (pick.Chance(0.3)) {
                d.rating = pick.Chance(0.05) ? "unsatisfied" : "satisfied";
            }
        }
    } else if (outcome < 0.88) {
        d.status = domain::DossierStatus::kWithdrawn;
        d.terminal_at = received + days{1};
        last = *d.terminal_at;
    } else if (outcome < 0.89) {
        d.status = domain::DossierStatus::kStopped;
        d.terminal_at = received + days{2};
        last = *d.terminal_at;
    } else {
        // Still in processing: every due time of the history has passed, so the overdue job
        // has marked it (as the running system would have).
        d.status = domain::DossierStatus::kInProcessing;
        d.overdue_at = *d.due_at;
        last = *d.due_at;
    }
    if (d.fee_total > 0 && d.finished_at) {
        d.paid_total = d.fee_total;
        d.payment_channel = pick.Chance(0.5) ? "online_gateway" : "desk";
    }
    d.feedback_count = pick.Chance(0.005) ? 1 : 0;
    d.last_event_at = last;
    // The history's events (not written): reception, and each step the dossier went through.
    d.event_count = 2 + (d.finished_at ? 2 : 0) + (d.returned_at ? 1 : 0) +
                    (d.terminal_at ? 1 : 0) + (d.overdue_at ? 1 : 0) + d.supplement_requests * 2;
    return d;
}

}  // namespace

HistoryReport GenerateProvinceHistory(storage::Database& database,
                                      services::CatalogService& catalog,
                                      const HistoryOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    const auto snapshot = catalog.GetSnapshot();
    std::vector<const domain::Agency*> communes;
    for (const auto& agency : snapshot->agencies) {
        if (agency.kind == domain::AgencyKind::kCommune) {
            communes.push_back(&agency);
        }
    }
    if (communes.empty() || snapshot->procedures.empty()) {
        throw std::runtime_error("the catalogue has no communes or procedures");
    }
    const auto weekdays = SeasonalWeekdays(options.first_year);
    Picker pick{std::mt19937(options.seed)};
    using Key = std::tuple<std::string, std::string, std::string>;
    std::map<Key, reporting::Counters> cells;
    std::vector<reporting::ProcedureProfile> profiles;
    for (const auto& procedure : snapshot->procedures) {
        profiles.push_back(reporting::ProfileOf(procedure));
    }
    HistoryReport report;
    for (std::int64_t written = 0; written < options.dossiers;) {
        const std::int64_t batch =
            std::min<std::int64_t>(options.batch, options.dossiers - written);
        auto stored = database.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
            for (std::int64_t i = 0; i < batch; ++i) {
                // Commune procedures go to a commune (larger communes take more), the others
                // to their competent department.
                const std::size_t p = pick.Index(snapshot->procedures.size());
                const auto& procedure = snapshot->procedures[p];
                std::string agency = procedure.competent_agency;
                if (procedure.level == domain::ProcedureLevel::kCommune || agency.empty()) {
                    const std::size_t c =
                        std::min(pick.Index(communes.size()), pick.Index(communes.size()));
                    agency = communes[c]->code;
                }
                const auto dossier = MakeDossier(written + i, procedure, agency,
                                                 weekdays[pick.Index(weekdays.size())], pick);
                auto inserted = transaction.Dossiers().Insert(dossier);
                if (!inserted) {
                    return inserted.GetError();
                }
                const auto facts =
                    reporting::ExtractFacts(dossier, {}, profiles[p], *dossier.last_event_at);
                if (facts.received || facts.refused) {
                    cells[{agency, procedure.code,
                           domain::calendar::FormatIsoDate(facts.received_day)}] +=
                        reporting::Counts(facts);
                }
            }
            return Done{};
        });
        if (!stored) {
            throw std::runtime_error("generation failed: " + stored.GetError().code + " " +
                                     stored.GetError().detail);
        }
        written += batch;
    }
    auto counted = database.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        for (const auto& [key, counters] : cells) {
            MOTCUA_RETURN_IF_ERROR(transaction.Indicators().Add(std::get<0>(key), std::get<1>(key),
                                                                std::get<2>(key), counters));
        }
        return Done{};
    });
    if (!counted) {
        throw std::runtime_error("counters failed: " + counted.GetError().code);
    }
    report.dossiers = options.dossiers;
    report.counter_rows = static_cast<std::int64_t>(cells.size());
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace motcua::bench
