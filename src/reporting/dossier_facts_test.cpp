// Facts of one dossier, hand-built states; every date is local (UTC+7).
#include "reporting/dossier_facts.hpp"

#include <gtest/gtest.h>

#include "domain/calendar/local_date_time.hpp"

namespace motcua::reporting {
namespace {

using domain::DossierAction;
using domain::DossierStatus;

Instant At(const char* local) {
    return domain::calendar::ToInstant(domain::calendar::ParseLocalDateTime(local).Value());
}
std::chrono::sys_days Day(const char* iso) { return domain::calendar::ParseIsoDate(iso).Value(); }

// Received 2025-03-03 08:00, due 2025-03-10 17:00, desk channel, document result.
domain::Dossier Received() {
    domain::Dossier dossier;
    dossier.procedure_code = "P1";
    dossier.competent_agency = "A1";
    dossier.receiving_agency = "A1";
    dossier.channel = domain::Channel::kDesk;
    dossier.status = DossierStatus::kInProcessing;
    dossier.received_at = At("2025-03-03T08:00");
    dossier.due_at = At("2025-03-10T17:00");
    dossier.components = {{"C1", false, "", {}}, {"C2", false, "", {}}};
    return dossier;
}

domain::DossierEvent Event(DossierAction action, const char* at,
                           std::optional<DossierStatus> from = std::nullopt) {
    domain::DossierEvent event;
    event.action = action;
    event.at = At(at);
    event.from = from;
    return event;
}

const ProcedureProfile kDocumentProcedure{"P1", domain::OnlineLevel::kFull, true, true, true};

TEST(DossierFactsTest, NotReceivedCountsNowhere) {
    domain::Dossier dossier = Received();
    dossier.received_at.reset();
    dossier.status = DossierStatus::kSubmitted;
    const auto facts = ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-03-20T00:00"));
    EXPECT_FALSE(facts.received);
}

TEST(DossierFactsTest, ReceivedDayIsTheLocalDate) {
    domain::Dossier dossier = Received();
    dossier.received_at = At("2025-03-31T23:30");  // 16:30 UTC: still 31 March in Vietnam.
    dossier.due_at = At("2025-04-08T17:00");
    const auto facts = ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-04-01T09:00"));
    EXPECT_EQ(facts.received_day, Day("2025-03-31"));
}

TEST(DossierFactsTest, FinishedBeforeDueIsNeverOverdue) {
    domain::Dossier dossier = Received();
    dossier.finished_at = At("2025-03-10T16:59");
    const auto facts = ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-06-01T00:00"));
    EXPECT_FALSE(facts.overdue_from);
}

TEST(DossierFactsTest, FinishedLateIsOverdueFromTheDueDay) {
    domain::Dossier dossier = Received();
    dossier.finished_at = At("2025-03-12T09:00");
    dossier.returned_at = At("2025-03-13T09:00");
    const auto facts = ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-03-13T09:00"));
    EXPECT_EQ(facts.overdue_from, Day("2025-03-10"));
}

TEST(DossierFactsTest, UnfinishedIsWithinTimeUntilItsDueTimePasses) {
    const domain::Dossier dossier = Received();
    EXPECT_FALSE(
        ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-03-10T17:00")).overdue_from);
    EXPECT_EQ(ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-03-10T17:01")).overdue_from,
              Day("2025-03-10"));
}

TEST(DossierFactsTest, PausedAfterOneRequestIsJudgedAtTheRequest) {
    domain::Dossier dossier = Received();
    dossier.status = DossierStatus::kAwaitingSupplement;
    dossier.paused_at = At("2025-03-07T10:00");
    dossier.supplement_requests = 1;
    const domain::DossierEvent events[] = {
        Event(DossierAction::kRequestSupplement, "2025-03-07T10:00")};
    EXPECT_FALSE(
        ExtractFacts(dossier, events, kDocumentProcedure, At("2025-03-31T12:00")).overdue_from);
}

TEST(DossierFactsTest, RequestAfterTheDueTimeDoesNotRescueTheDossier) {
    domain::Dossier dossier = Received();
    dossier.status = DossierStatus::kAwaitingSupplement;
    dossier.paused_at = At("2025-03-11T10:00");
    dossier.supplement_requests = 1;
    const domain::DossierEvent events[] = {
        Event(DossierAction::kRequestSupplement, "2025-03-11T10:00")};
    EXPECT_EQ(
        ExtractFacts(dossier, events, kDocumentProcedure, At("2025-03-31T12:00")).overdue_from,
        Day("2025-03-10"));
}

// Supplementation time is excluded: `supplement` moved due_at by the paused office time, so a
// dossier finished after its first due time but before the moved one is on time.
TEST(DossierFactsTest, SupplementationTimeIsExcludedThroughTheMovedDueTime) {
    domain::Dossier dossier = Received();
    dossier.supplement_requests = 1;
    dossier.due_at = At("2025-03-14T17:00");  // 10 → 14 March after a 4-working-day pause.
    dossier.finished_at = At("2025-03-13T10:00");
    const domain::DossierEvent events[] = {
        Event(DossierAction::kRequestSupplement, "2025-03-05T10:00"),
        Event(DossierAction::kSupplement, "2025-03-11T10:00", DossierStatus::kAwaitingSupplement)};
    EXPECT_FALSE(
        ExtractFacts(dossier, events, kDocumentProcedure, At("2025-03-13T10:00")).overdue_from);
}

TEST(DossierFactsTest, MoreThanOneSupplementationRequestIsOverdueFromTheSecond) {
    domain::Dossier dossier = Received();
    dossier.supplement_requests = 2;
    dossier.finished_at = At("2025-03-09T10:00");  // Before the due time, still overdue.
    const domain::DossierEvent events[] = {
        Event(DossierAction::kRequestSupplement, "2025-03-04T10:00"),
        Event(DossierAction::kSupplement, "2025-03-05T10:00", DossierStatus::kAwaitingSupplement),
        Event(DossierAction::kRequestSupplement, "2025-03-06T10:00"),
        Event(DossierAction::kSupplement, "2025-03-07T10:00", DossierStatus::kAwaitingSupplement)};
    EXPECT_EQ(
        ExtractFacts(dossier, events, kDocumentProcedure, At("2025-03-09T10:00")).overdue_from,
        Day("2025-03-06"));
    // As of the day before the second request, one request only: on time.
    domain::Dossier then = Received();
    then.supplement_requests = 1;
    EXPECT_FALSE(
        ExtractFacts(then, std::span(events, 2), kDocumentProcedure, At("2025-03-05T12:00"))
            .overdue_from);
}

TEST(DossierFactsTest, WithoutEventsTwoRequestsCountFromTheReceivedDay) {
    domain::Dossier dossier = Received();
    dossier.supplement_requests = 2;
    dossier.finished_at = At("2025-03-09T10:00");
    EXPECT_EQ(ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-03-09T10:00")).overdue_from,
              Day("2025-03-03"));
}

TEST(DossierFactsTest, WithdrawnWhilePausedIsJudgedAtTheRequest) {
    domain::Dossier dossier = Received();
    dossier.status = DossierStatus::kWithdrawn;
    dossier.supplement_requests = 1;
    dossier.terminal_at = At("2025-03-20T10:00");
    const domain::DossierEvent events[] = {
        Event(DossierAction::kRequestSupplement, "2025-03-05T10:00"),
        Event(DossierAction::kWithdraw, "2025-03-20T10:00", DossierStatus::kAwaitingSupplement)};
    EXPECT_FALSE(
        ExtractFacts(dossier, events, kDocumentProcedure, At("2025-03-20T10:00")).overdue_from);
    // Stopped while running after the due time: judged at the stop.
    const domain::DossierEvent running[] = {
        Event(DossierAction::kStop, "2025-03-20T10:00", DossierStatus::kInProcessing)};
    EXPECT_EQ(
        ExtractFacts(dossier, running, kDocumentProcedure, At("2025-03-20T10:00")).overdue_from,
        Day("2025-03-10"));
}

TEST(DossierFactsTest, ChannelResultDigitisationPaymentAndRating) {
    domain::Dossier dossier = Received();
    dossier.channel = domain::Channel::kOnline;
    dossier.fee_total = 50000;
    dossier.paid_total = 50000;
    dossier.payment_channel = "online_gateway";
    dossier.components[0].files = {"abc"};
    dossier.components[1].reuse_source = "national_store";
    dossier.rating = "unsatisfied";
    const auto before = ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-03-05T00:00"));
    EXPECT_TRUE(before.online);
    EXPECT_FALSE(before.online_counted);  // Document result without an e-result yet.
    EXPECT_TRUE(before.fee_due);
    EXPECT_TRUE(before.paid_online);
    EXPECT_TRUE(before.digitized);
    EXPECT_FALSE(before.digitized_counted);
    EXPECT_TRUE(before.reused);
    EXPECT_TRUE(before.personal_store);
    EXPECT_TRUE(before.citizen_data);
    EXPECT_TRUE(before.unsatisfied);
    EXPECT_FALSE(before.feedback);
    EXPECT_FALSE(before.e_result_synced);

    dossier.e_result_sha256 = "ff";
    dossier.synced = true;
    const auto after = ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-03-06T00:00"));
    EXPECT_TRUE(after.online_counted);
    EXPECT_TRUE(after.digitized_counted);
    EXPECT_TRUE(after.e_result_synced);
    EXPECT_TRUE(after.synced);
}

TEST(DossierFactsTest, DeskPaymentAndNoFeeAreNotOnlinePayment) {
    domain::Dossier dossier = Received();
    dossier.fee_total = 50000;
    dossier.paid_total = 50000;
    dossier.payment_channel = "desk";
    EXPECT_FALSE(ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-03-05T00:00")).paid_online);
    dossier.fee_total = 0;
    dossier.payment_channel = "online_dvcqg";
    const auto facts = ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-03-05T00:00"));
    EXPECT_FALSE(facts.fee_due);
    EXPECT_FALSE(facts.paid_online);
}

TEST(DossierFactsTest, ProfileOfAProcedure) {
    domain::Procedure procedure;
    procedure.code = "P9";
    procedure.online_level = domain::OnlineLevel::kPartial;
    procedure.fees = {{domain::FeeKind::kFee, "Lệ phí", "Fee", 30000, ""}};
    procedure.result.kind = domain::ResultKind::kNone;
    procedure.applicant_kinds = {"organisation", "citizen"};
    const ProcedureProfile profile = ProfileOf(procedure);
    EXPECT_EQ(profile.code, "P9");
    EXPECT_TRUE(profile.has_fee);
    EXPECT_FALSE(profile.document_result);
    EXPECT_TRUE(profile.citizen_applicants);
}

TEST(DossierFactsTest, RefusalAtReceptionIsKeyedByItsLocalDate) {
    domain::Dossier dossier = Received();
    dossier.received_at.reset();
    dossier.status = DossierStatus::kRefused;
    dossier.terminal_at = At("2025-04-30T23:10");
    auto facts = ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-05-02T09:00"));
    EXPECT_FALSE(facts.received);
    EXPECT_TRUE(facts.refused);
    EXPECT_EQ(facts.received_day, Day("2025-04-30"));
    // Not yet refused as of an earlier instant.
    facts = ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-04-30T12:00"));
    EXPECT_FALSE(facts.refused);
}

TEST(DossierFactsTest, EndDatesFollowTheOutcome) {
    domain::Dossier dossier = Received();
    dossier.status = DossierStatus::kReturned;
    dossier.finished_at = At("2025-03-07T10:00");
    dossier.returned_at = At("2025-03-12T08:30");
    auto facts = ExtractFacts(dossier, {}, kDocumentProcedure, At("2025-03-20T00:00"));
    EXPECT_EQ(facts.channel, domain::Channel::kDesk);
    EXPECT_EQ(facts.finished_on, Day("2025-03-07"));
    EXPECT_EQ(facts.returned_on, Day("2025-03-12"));
    EXPECT_FALSE(facts.withdrawn_on);
    EXPECT_FALSE(facts.stopped_on);

    domain::Dossier stopped = Received();
    stopped.status = DossierStatus::kStopped;
    stopped.terminal_at = At("2025-03-05T15:00");
    facts = ExtractFacts(stopped, {}, kDocumentProcedure, At("2025-03-20T00:00"));
    EXPECT_EQ(facts.stopped_on, Day("2025-03-05"));
    EXPECT_FALSE(facts.withdrawn_on);
    EXPECT_FALSE(facts.finished_on);

    stopped.status = DossierStatus::kWithdrawn;
    facts = ExtractFacts(stopped, {}, kDocumentProcedure, At("2025-03-20T00:00"));
    EXPECT_EQ(facts.withdrawn_on, Day("2025-03-05"));
    EXPECT_FALSE(facts.stopped_on);
}

}  // namespace
}  // namespace motcua::reporting
