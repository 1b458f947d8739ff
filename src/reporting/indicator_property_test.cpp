// Property: the counters kept incrementally (one IndicatorDelta per event, added as events
// happen) equal the counters recomputed from each dossier's final state, for thousands of random
// histories with random instants across month, quarter and year boundaries, supplementation
// pauses, extensions, late overdue marks, payments, facts and terminal actions.
#include <map>
#include <random>
#include <tuple>

#include <gtest/gtest.h>

#include "common/time_format.hpp"
#include "domain/calendar/published_schedules.hpp"
#include "domain/dossier/lifecycle.hpp"
#include "domain/dossier/transitions.hpp"
#include "reporting/indicator_delta.hpp"

namespace motcua::reporting {
namespace {

using domain::DossierAction;
using Key = std::tuple<std::string, std::string, std::string>;

domain::Procedure MakeProcedure(std::string code, bool fees, domain::ResultKind result,
                                domain::OnlineLevel online, domain::TimeUnit unit, int amount) {
    domain::Procedure procedure;
    procedure.code = std::move(code);
    procedure.national_code = "1.000001";
    procedure.name_vi = "Thủ tục " + procedure.code;
    procedure.field_code = "f";
    procedure.level = domain::ProcedureLevel::kCommune;
    procedure.online_level = online;
    procedure.processing_time = {amount, unit, std::nullopt};
    if (fees) {
        procedure.fees = {{domain::FeeKind::kFee, "Lệ phí", "", 50000, ""}};
    }
    procedure.components = {{"TP1", "Tờ khai", "", 1, 0, true, "", ""},
                            {"TP2", "Bản sao", "", 0, 1, true, "", ""}};
    procedure.steps = {{"Tiếp nhận", "", domain::StepRole::kClerk, "", 10},
                       {"Xử lý", "", domain::StepRole::kSpecialist, "", 60},
                       {"Ký", "", domain::StepRole::kHead, "", 20},
                       {"Trả", "", domain::StepRole::kClerk, "", 10}};
    procedure.result = {result, "Kết quả", ""};
    procedure.applicant_kinds = {"citizen"};
    procedure.effective_from = "2025-01-01";
    return procedure;
}

// Fills the fields an action needs, so that most random picks are valid.
domain::ActionInput InputFor(DossierAction action, Instant at, const domain::Dossier& dossier,
                             std::mt19937& random) {
    domain::ActionInput input;
    input.action = action;
    input.at = at;
    input.reasons = {"Lý do"};
    input.result_kind = random() % 2 == 0 ? "electronic" : "paper";
    input.delivery = "desk";
    input.component = random() % 2 == 0 ? "TP1" : "TP2";
    input.source = random() % 3 == 0 ? "national_store" : "database";
    input.file_sha256 = std::string(64, 'a');
    input.file_origin = domain::FileOrigin::kUpload;
    input.system = "dvcqg";
    input.payment_channel = random() % 2 == 0 ? "online_gateway" : "desk";
    // What is still due (a payment may not exceed it), or a refused amount when nothing is.
    input.amount =
        dossier.fee_total > dossier.paid_total ? dossier.fee_total - dossier.paid_total : 50000;
    input.rating = random() % 4 == 0 ? "unsatisfied" : "satisfied";
    if (dossier.due_at) {
        input.new_due_at = *dossier.due_at + std::chrono::days(1 + random() % 5);
    }
    return input;
}

TEST(IndicatorProperty, IncrementalCountersEqualRecomputeOverTenThousandRandomDossiers) {
    const auto calendar = domain::calendar::DefaultWorkingCalendar();
    const auto hours = domain::calendar::OfficeHours::Default();
    const domain::DeadlineContext context{calendar, hours, {}};
    const std::vector<domain::Procedure> procedures{
        MakeProcedure("P1", false, domain::ResultKind::kDocument, domain::OnlineLevel::kFull,
                      domain::TimeUnit::kWorkingDays, 3),
        MakeProcedure("P2", true, domain::ResultKind::kDocument, domain::OnlineLevel::kPartial,
                      domain::TimeUnit::kWorkingDays, 10),
        MakeProcedure("P3", true, domain::ResultKind::kNone, domain::OnlineLevel::kNone,
                      domain::TimeUnit::kWorkingHours, 8),
        MakeProcedure("P4", false, domain::ResultKind::kDocument, domain::OnlineLevel::kFull,
                      domain::TimeUnit::kCalendarDays, 15),
    };
    const std::vector<std::string> agencies{"A1", "A2", "A3"};
    std::mt19937 random(20261126);
    const Instant first = *ParseRfc3339("2025-01-01T00:00:00+07:00");
    std::map<Key, Counters> incremental;
    std::map<Key, Counters> recomputed;
    int events_applied = 0;
    constexpr int kDossiers = 10000;
    for (int n = 0; n < kDossiers; ++n) {
        const auto& procedure = procedures[random() % procedures.size()];
        const bool online = random() % 2 == 0;
        auto dossier = domain::InitializeDossier(
            procedure, "D" + std::to_string(n), agencies[random() % agencies.size()],
            online ? domain::Channel::kOnline : domain::Channel::kDesk,
            {"citizen", "056095001234", "An", "", "", ""}, 0);
        std::vector<domain::DossierEvent> events;
        // Start anywhere in two years (minutes resolution), then move forward by random steps.
        Instant at = first + std::chrono::minutes(random() % (2UL * 365 * 24 * 60));
        auto apply = [&](DossierAction action) {
            auto applied = domain::ApplyAction(dossier, InputFor(action, at, dossier, random),
                                               procedure, context);
            if (!applied) {
                return;
            }
            const domain::Dossier before = dossier;
            const std::size_t before_count = events.size();
            dossier = std::move(applied.Value().dossier);
            events.push_back(std::move(applied.Value().event));
            const auto cell = IndicatorDelta(
                procedure, {&before, std::span(events.data(), before_count)}, {&dossier, events});
            if (cell) {
                incremental[{cell->agency_code, cell->procedure_code, cell->day}] += cell->delta;
            }
            ++events_applied;
        };
        apply(online ? DossierAction::kSubmit : DossierAction::kReceive);
        for (int step = 0; step < 12 && !domain::IsTerminal(dossier.status); ++step) {
            // Mostly hours apart, sometimes weeks: late events and overdue marks cross periods.
            at += random() % 5 == 0 ? std::chrono::minutes(random() % (40UL * 24 * 60))
                                    : std::chrono::minutes(random() % (3UL * 24 * 60));
            const auto allowed = domain::AllowedActions(dossier.status);
            apply(allowed[random() % allowed.size()]);
        }
        const auto cell = IndicatorDelta(procedure, {}, {&dossier, events});
        if (cell) {
            recomputed[{cell->agency_code, cell->procedure_code, cell->day}] += cell->delta;
        }
    }
    std::erase_if(incremental, [](const auto& entry) { return IsZero(entry.second); });
    std::erase_if(recomputed, [](const auto& entry) { return IsZero(entry.second); });
    EXPECT_GT(events_applied, kDossiers * 3);
    EXPECT_GT(recomputed.size(), 1000U);  // Many cells: days of two years × agencies × procedures.
    ASSERT_EQ(incremental.size(), recomputed.size());
    for (const auto& [key, counters] : recomputed) {
        const auto found = incremental.find(key);
        ASSERT_NE(found, incremental.end());
        EXPECT_EQ(found->second, counters)
            << std::get<0>(key) << " " << std::get<1>(key) << " " << std::get<2>(key);
    }
    // The property is about something: some dossiers were received, overdue, paid, digitised.
    Counters total;
    for (const auto& [key, counters] : recomputed) {
        total += counters;
    }
    EXPECT_GT(total.received, kDossiers / 2);
    EXPECT_GT(total.overdue.year, 0);
    EXPECT_GT(total.paid_online, 0);
    EXPECT_GT(total.digitized, 0);
    EXPECT_GT(total.unsatisfied_or_feedback, 0);
    // … and the monthly report's outcomes all occur, with some judged differently per period.
    EXPECT_GT(total.refused, 0);
    EXPECT_GT(total.received_desk, 0);
    EXPECT_GT(total.finished_late.year, 0);
    EXPECT_GT(total.returned.year, 0);
    EXPECT_GT(total.withdrawn.year, 0);
    EXPECT_GT(total.stopped.year, 0);
    EXPECT_GT(total.running_overdue.month, 0);
    EXPECT_GT(total.finished.year, total.finished.month);
}

}  // namespace
}  // namespace motcua::reporting
