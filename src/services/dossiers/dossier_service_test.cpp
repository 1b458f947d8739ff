#include "services/dossiers/dossier_service.hpp"

#include <algorithm>
#include <future>
#include <set>
#include <thread>
#include <utility>

#include <gtest/gtest.h>

#include "common/time_format.hpp"
#include "services/dossiers/history_import.hpp"
#include "services/dossiers/overdue_job.hpp"
#include "services/indicators/indicator_service.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_sqlite_database.hpp"
#include "support/test_actors.hpp"

namespace motcua::services {
namespace {

constexpr const char* kProcedures = R"({"fields": [{"code": "civil_status", "name_vi": "Hộ tịch"}],
  "procedures": [{"code": "P1", "national_code": "1.001193", "name_vi": "Đăng ký khai sinh",
    "field": "civil_status", "level": "commune", "competent_agency": null, "receiving_agency": null,
    "online_level": "full", "processing_time": {"amount": 3, "unit": "working_days"},
    "fees": [], "components": [{"code": "TK", "name_vi": "Tờ khai", "originals": 1, "copies": 0,
    "required": true}], "steps": [{"name_vi": "Tiếp nhận", "role": "clerk", "share_percent": 10},
    {"name_vi": "Xử lý", "role": "specialist", "share_percent": 60},
    {"name_vi": "Ký", "role": "head", "share_percent": 30}],
    "result": {"kind": "document", "name_vi": "Giấy khai sinh"}, "applicant_kinds": ["citizen"],
    "legal_basis": [], "version": 1, "effective_from": "2024-07-01"}]})";

using testing::TestCitizen;
using testing::TestOfficer;

class DossierServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        clock_.Set(*ParseRfc3339("2025-03-03T09:00:00+07:00"));  // Monday.
        ASSERT_TRUE(catalog_.Load().HasValue());
        ASSERT_TRUE(catalog_.ImportAgencies(system_, testing::kTwoWardAgencies).HasValue());
        ASSERT_TRUE(catalog_.ImportProcedures(system_, kProcedures).HasValue());
    }
    Outcome<DossierView> Act(const domain::Actor& actor, const std::string& code,
                             domain::DossierAction action) {
        domain::ActionInput input;
        input.action = action;
        input.reasons = {"Bản sao"};
        input.result_kind = "paper";
        return service_.Act(actor, code, input);
    }
    NewDossier Online() const {
        NewDossier request;
        request.procedure_code = "P1";
        request.agency = "H32.1.01";
        return request;
    }

    testing::TempSqliteDatabase database_;
    testing::FakeClock clock_;
    CatalogService catalog_{database_.Get(), clock_};
    StaticDeadlineSource deadlines_;
    // One citizen submits many dossiers here: no submission rate (SubmissionRate's own tests).
    DossierService service_{database_.Get(),
                            catalog_,
                            deadlines_,
                            clock_,
                            {.submissions = {.per_minute = 0, .per_day = 0}}};
    const domain::Actor system_ = domain::Actor::System("test");
    const domain::Actor citizen_ = TestCitizen(1, "056095001234");
    const domain::Actor clerk_ = TestOfficer(2, domain::Role::kClerk, "H32.1");
    const domain::Actor specialist_ = TestOfficer(3, domain::Role::kSpecialist, "H32.1");
    const domain::Actor other_clerk_ = TestOfficer(4, domain::Role::kClerk, "H32.2");
};

TEST_F(DossierServiceTest, OnlineSubmissionGetsACodeAndTheApplicantFromTheAccount) {
    auto created = service_.Submit(citizen_, Online());
    ASSERT_TRUE(created.HasValue()) << created.GetError().code;
    EXPECT_EQ(created.Value().dossier.code, "H32.1.01-250303-0001");
    EXPECT_EQ(created.Value().dossier.applicant.id_number, "056095001234");
    EXPECT_EQ(created.Value().dossier.status, domain::DossierStatus::kSubmitted);
    auto second = service_.Submit(citizen_, Online());
    ASSERT_TRUE(second.HasValue());
    EXPECT_EQ(second.Value().dossier.code, "H32.1.01-250303-0002");
}

TEST_F(DossierServiceTest, AnApplicantPastTheSubmissionRateIsRefusedTheDeskIsNot) {
    DossierService limited{database_.Get(),
                           catalog_,
                           deadlines_,
                           clock_,
                           {.submissions = {.per_minute = 2, .per_day = 0}}};
    ASSERT_TRUE(limited.Submit(citizen_, Online()).HasValue());
    ASSERT_TRUE(limited.Submit(citizen_, Online()).HasValue());
    auto third = limited.Submit(citizen_, Online());
    ASSERT_FALSE(third.HasValue());
    EXPECT_EQ(third.GetError().code, "too_many_submissions");
    NewDossier at_desk = Online();
    at_desk.agency = "H32.1";
    at_desk.channel = domain::Channel::kDesk;
    at_desk.applicant = {"citizen", "056095001234", "Nguyễn Văn An", "", "", ""};
    for (int i = 0; i < 3; ++i) {
        auto received = limited.Submit(clerk_, at_desk);
        EXPECT_TRUE(received.HasValue()) << received.GetError().code;
    }
    clock_.Set(*ParseRfc3339("2025-03-03T09:01:00+07:00"));  // The next minute.
    EXPECT_TRUE(limited.Submit(citizen_, Online()).HasValue());
}

TEST_F(DossierServiceTest, ConcurrentSubmissionsGetDistinctConsecutiveCodes) {
    constexpr int kCount = 100;
    std::vector<std::string> codes(kCount);
    std::vector<std::thread> threads;
    threads.reserve(kCount);
    for (int i = 0; i < kCount; ++i) {
        threads.emplace_back([&, i] {
            auto created = service_.Submit(citizen_, Online());
            codes[static_cast<std::size_t>(i)] = created ? created.Value().dossier.code : "failed";
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    const std::set<std::string> distinct(codes.begin(), codes.end());
    ASSERT_EQ(distinct.size(), static_cast<std::size_t>(kCount));
    EXPECT_EQ(*distinct.begin(), "H32.1.01-250303-0001");
    EXPECT_EQ(*distinct.rbegin(), "H32.1.01-250303-0100");
}

TEST_F(DossierServiceTest, IdempotencyKeyReplaysTheFirstDossier) {
    auto request = Online();
    request.idempotency_key = "abc";
    auto first = service_.Submit(citizen_, request);
    auto again = service_.Submit(citizen_, request);
    ASSERT_TRUE(first && again);
    EXPECT_EQ(first.Value().dossier.code, again.Value().dossier.code);
    EXPECT_FALSE(again.Value().created);
    EXPECT_EQ(service_.Submit(citizen_, Online()).Value().dossier.code, "H32.1.01-250303-0002");
}

TEST_F(DossierServiceTest, ScopeRulesHideOtherWardsDossiersAndCheckTheStepRole) {
    const auto code = service_.Submit(citizen_, Online()).Value().dossier.code;
    EXPECT_EQ(service_.Get(other_clerk_, code).GetError().kind, ErrorKind::kNotFound);
    EXPECT_EQ(Act(other_clerk_, code, domain::DossierAction::kAccept).GetError().kind,
              ErrorKind::kNotFound);
    EXPECT_EQ(Act(citizen_, code, domain::DossierAction::kAccept).GetError().kind,
              ErrorKind::kForbidden);
    ASSERT_TRUE(Act(clerk_, code, domain::DossierAction::kAccept));
    // The dossier sits at the clerk's step: the specialist cannot forward it yet.
    EXPECT_EQ(Act(specialist_, code, domain::DossierAction::kForward).GetError().kind,
              ErrorKind::kForbidden);
    ASSERT_TRUE(Act(clerk_, code, domain::DossierAction::kForward));
    ASSERT_TRUE(Act(specialist_, code, domain::DossierAction::kRequestSupplement));
    const auto refused = Act(clerk_, code, domain::DossierAction::kFinish);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.GetError().kind, ErrorKind::kInvalidTransition);
    EXPECT_FALSE(refused.GetError().allowed_actions.empty());
}

TEST_F(DossierServiceTest, InboxShowsDossiersAtTheOfficersStepsAndCitizensSeeTheirOwn) {
    const auto code = service_.Submit(citizen_, Online()).Value().dossier.code;
    ASSERT_TRUE(Act(clerk_, code, domain::DossierAction::kAccept));
    auto clerk_inbox = service_.List(clerk_, {});
    ASSERT_TRUE(clerk_inbox.HasValue());
    EXPECT_EQ(clerk_inbox.Value().items.size(), 1U);
    EXPECT_TRUE(service_.List(specialist_, {}).Value().items.empty());
    ASSERT_TRUE(Act(clerk_, code, domain::DossierAction::kForward));
    EXPECT_EQ(service_.List(specialist_, {}).Value().items.size(), 1U);
    EXPECT_TRUE(service_.List(other_clerk_, {}).Value().items.empty());
    EXPECT_EQ(service_.List(citizen_, {}).Value().items.size(), 1U);
    EXPECT_TRUE(service_.List(TestCitizen(9, "056095009999"), {}).Value().items.empty());
    EXPECT_EQ(service_.List(domain::Actor::Anonymous("x"), {}).GetError().kind,
              ErrorKind::kUnauthenticated);
}

TEST_F(DossierServiceTest, OverdueJobPagesThroughEveryCandidateInOneRun) {
    for (int i = 0; i < 3; ++i) {
        const auto code = service_.Submit(citizen_, Online()).Value().dossier.code;
        ASSERT_TRUE(Act(clerk_, code, domain::DossierAction::kAccept));
    }
    clock_.Set(*ParseRfc3339("2025-03-07T08:00:00+07:00"));
    // Pages of one: the keyset cursor must reach the third dossier in the same run.
    EXPECT_EQ(service_.MarkOverdue(1).Value(), 3);
    EXPECT_EQ(service_.MarkOverdue(1).Value(), 0);
}

TEST_F(DossierServiceTest, OverdueJobRecordsTheMomentOnceAndTheInboxFiltersIt) {
    const auto code = service_.Submit(citizen_, Online()).Value().dossier.code;
    ASSERT_TRUE(Act(clerk_, code, domain::DossierAction::kAccept));
    EXPECT_EQ(FormatVietnam(*service_.Get(clerk_, code).Value().dossier.due_at),
              "2025-03-06T17:00:00+07:00");
    EXPECT_EQ(service_.MarkOverdue().Value(), 0);
    clock_.Set(*ParseRfc3339("2025-03-07T08:00:00+07:00"));
    EXPECT_EQ(service_.MarkOverdue().Value(), 1);
    EXPECT_EQ(service_.MarkOverdue().Value(), 0);  // Once.
    const auto view = service_.Get(clerk_, code).Value();
    EXPECT_EQ(FormatVietnam(*view.dossier.overdue_at), "2025-03-06T17:00:00+07:00");
    EXPECT_EQ(view.due_state, domain::calendar::DueState::kOverdue);
    DossierQuery overdue;
    overdue.overdue_only = true;
    EXPECT_EQ(service_.List(clerk_, overdue).Value().items.size(), 1U);
}

TEST_F(DossierServiceTest, OverdueJobMarksAtStartAndReportsEachRun) {
    const auto code = service_.Submit(citizen_, Online()).Value().dossier.code;
    ASSERT_TRUE(Act(clerk_, code, domain::DossierAction::kAccept));
    clock_.Set(*ParseRfc3339("2025-03-07T08:00:00+07:00"));
    std::promise<std::pair<int, Instant>> first_run;
    {
        bool reported = false;
        OverdueJob job(service_, clock_, std::chrono::hours(1),
                       [&](const Outcome<int>& marked, Instant at) {
                           if (!std::exchange(reported, true)) {
                               first_run.set_value({marked ? marked.Value() : -1, at});
                           }
                       });
        auto future = first_run.get_future();
        ASSERT_EQ(future.wait_for(std::chrono::seconds(30)), std::future_status::ready);
        const auto [marked, at] = future.get();
        EXPECT_EQ(marked, 1);
        EXPECT_EQ(at, clock_.Now());
        job.Stop();  // Does not wait for the hour: the wait ends with the stop.
    }
    EXPECT_TRUE(service_.Get(clerk_, code).Value().dossier.overdue_at.has_value());
}

TEST_F(DossierServiceTest, AFormReadIsAuditedOnceAsOneRead) {
    const auto code = service_.Submit(citizen_, Online()).Value().dossier.code;
    ASSERT_TRUE(Act(clerk_, code, domain::DossierAction::kAccept));  // The receipt applies.
    const auto reads = [&] {
        std::vector<domain::AuditRecord> records;
        EXPECT_TRUE(database_.Get().Read([&](storage::Transaction& transaction) -> Outcome<Done> {
            storage::AuditFilter filter;
            filter.action_prefix = "dossier.read";
            filter.target_id = code;
            MOTCUA_ASSIGN_OR_RETURN(auto found, transaction.Audit().Query(filter));
            records = std::move(found);
            return Done{};
        }));
        return records;
    };
    ASSERT_TRUE(reads().empty());
    auto form = service_.GetForm(clerk_, code, "receipt");
    ASSERT_TRUE(form.HasValue()) << form.GetError().code;
    EXPECT_EQ(form.Value().at("dossier_code").as_string(), code);
    const auto records = reads();
    ASSERT_EQ(records.size(), 1U);
    EXPECT_EQ(records.front().outcome, "ok");
    EXPECT_EQ(records.front().actor_id, clerk_.account_id);
    // An unknown form reads nothing; a caller who may not see the dossier is refused as absent,
    // and the refusal is audited as such.
    EXPECT_EQ(service_.GetForm(clerk_, code, "nope").GetError().code, "form_not_found");
    EXPECT_EQ(service_.GetForm(other_clerk_, code, "receipt").GetError().kind,
              ErrorKind::kNotFound);
    const auto after = reads();
    ASSERT_EQ(after.size(), 2U);
    EXPECT_EQ(after.front().outcome, "denied");
}

TEST_F(DossierServiceTest, PublicLookupNeedsTheApplicantsIdNumber) {
    const auto code = service_.Submit(citizen_, Online()).Value().dossier.code;
    EXPECT_TRUE(service_.Lookup(code, "056095001234", "203.0.113.1").HasValue());
    EXPECT_EQ(service_.Lookup(code, "056095001235", "203.0.113.1").GetError().kind,
              ErrorKind::kNotFound);
    EXPECT_EQ(service_.Lookup("nope", "056095001234", "203.0.113.1").GetError().kind,
              ErrorKind::kNotFound);
}

TEST_F(DossierServiceTest, HistoryImportKeepsGoodLinesAndRejectsBadOnesWholly) {
    HistoryImporter importer(database_.Get(), catalog_, service_, clock_);
    const std::string good =
        R"({"code": "H32.1.01-250101-0042", "procedure": "P1", "agency": "H32.1.01",
            "channel": "desk", "applicant": {"kind": "citizen", "id_number": "056095001234",
            "name": "An"}, "due_at": "2025-01-10T17:00:00+07:00", "legacy": 7, "events": [
            {"at": "2025-01-02T08:00:00+07:00", "action": "receive", "actor": "old"},
            {"at": "2025-01-02T09:00:00+07:00", "action": "forward"}]})";
    const std::string bad_transition =
        R"({"code": "H32.1.01-250101-0043", "procedure": "P1", "agency": "H32.1.01",
            "channel": "desk", "applicant": {"kind": "citizen", "id_number": "056095001234",
            "name": "An"}, "events": [{"at": "2025-01-02T08:00:00+07:00", "action": "receive"},
            {"at": "2025-01-02T09:00:00+07:00", "action": "return_result", "delivery": "desk"}]})";
    // JSON Lines: one dossier a line.
    const auto one_line = [](std::string text) {
        std::replace(text.begin(), text.end(), '\n', ' ');
        return text;
    };
    auto report =
        importer.Import(system_, one_line(good) + "\n" + one_line(bad_transition) + "\n{oops\n");
    ASSERT_TRUE(report.HasValue());
    EXPECT_EQ(report.Value().imported, 1);
    EXPECT_EQ(report.Value().rejected, 2);
    ASSERT_EQ(report.Value().errors.size(), 2U);
    EXPECT_EQ(report.Value().errors[0].line, 3);  // Parse errors are found first.
    EXPECT_EQ(report.Value().errors[1].line, 2);
    EXPECT_EQ(report.Value().errors[1].error.param, "events[1].action");
    const auto imported = service_.Get(system_, "H32.1.01-250101-0042").Value().dossier;
    EXPECT_EQ(FormatVietnam(*imported.due_at), "2025-01-10T17:00:00+07:00");
    EXPECT_EQ(imported.metadata_json, R"({"legacy":7})");
    EXPECT_EQ(service_.Get(system_, "H32.1.01-250101-0043").GetError().kind, ErrorKind::kNotFound);
    EXPECT_EQ(importer.Import(citizen_, one_line(good)).GetError().kind, ErrorKind::kForbidden);
    // A new dossier on that day and desk never reuses an imported number.
    clock_.Set(*ParseRfc3339("2025-01-01T10:00:00+07:00"));
    EXPECT_EQ(service_.Submit(citizen_, Online()).Value().dossier.code, "H32.1.01-250101-0043");
}

TEST_F(DossierServiceTest, HistoryImportChecksDatesAndRecordsOverdueAtOnce) {
    HistoryImporter importer(database_.Get(), catalog_, service_, clock_);
    clock_.Set(*ParseRfc3339("2025-03-03T09:00:00+07:00"));
    const auto line = [](const std::string& code, const std::string& at) {
        return R"({"code": ")" + code +
               R"(", "procedure": "P1", "agency": "H32.1.01", "channel": "desk", "applicant": {"kind": "citizen", "id_number": "056095001234", "name": "An"}, "events": [{"at": ")" +
               at + R"(", "action": "receive"}]})";
    };
    // An hour from now is not history.
    auto future =
        importer.Import(system_, line("H32.1.01-250303-0101", "2025-03-03T10:00:00+07:00"));
    ASSERT_TRUE(future.HasValue());
    ASSERT_EQ(future.Value().rejected, 1);
    EXPECT_EQ(future.Value().errors[0].error.param, "events[0].at");
    // Received before the procedure took effect (P1: 2024-07-01, a day in Vietnam): refused.
    auto early =
        importer.Import(system_, line("H32.1.01-240630-0101", "2024-06-30T23:30:00+07:00"));
    ASSERT_TRUE(early.HasValue());
    ASSERT_EQ(early.Value().rejected, 1);
    EXPECT_EQ(early.Value().errors[0].error.param, "events[0].at");
    EXPECT_NE(early.Value().errors[0].error.detail.find("2024-07-01"), std::string::npos);
    // 00:30 on the first day in Vietnam is still 30 June in UTC, and within the validity.
    auto first_day =
        importer.Import(system_, line("H32.1.01-240701-0101", "2024-07-01T00:30:00+07:00"));
    ASSERT_TRUE(first_day.HasValue());
    EXPECT_EQ(first_day.Value().imported, 1);
    // Received in January and never finished: overdue when the import returns, not a minute
    // later at the overdue job's next run — its overdue moment is its due time.
    auto past = importer.Import(system_, line("H32.1.01-250102-0101", "2025-01-02T08:00:00+07:00"));
    ASSERT_TRUE(past.HasValue());
    ASSERT_EQ(past.Value().imported, 1);
    const auto dossier = service_.Get(system_, "H32.1.01-250102-0101").Value().dossier;
    ASSERT_TRUE(dossier.overdue_at.has_value());
    EXPECT_EQ(*dossier.overdue_at, *dossier.due_at);
    EXPECT_EQ(service_.MarkOverdue().Value(), 0);  // Nothing left for the job.
}

TEST_F(DossierServiceTest, CountersKeptInTheEventTransactionEqualARecompute) {
    // A few dossiers through the real storage path: online and desk, accepted, supplemented
    // twice (overdue by rule), overdue by time, finished, and one never accepted.
    constexpr int kDossiers = 4;
    std::vector<std::string> codes;
    codes.reserve(kDossiers);
    for (int i = 0; i < kDossiers; ++i) {
        codes.push_back(service_.Submit(citizen_, Online()).Value().dossier.code);
    }
    for (const auto& code : {codes[0], codes[1], codes[2]}) {
        ASSERT_TRUE(Act(clerk_, code, domain::DossierAction::kAccept));
        ASSERT_TRUE(Act(clerk_, code, domain::DossierAction::kForward));
    }
    for (int round = 0; round < 2; ++round) {
        ASSERT_TRUE(Act(specialist_, codes[1], domain::DossierAction::kRequestSupplement));
        ASSERT_TRUE(Act(citizen_, codes[1], domain::DossierAction::kSupplement));
    }
    clock_.Set(*ParseRfc3339("2025-04-02T09:00:00+07:00"));  // Next quarter: codes[0..2] late.
    ASSERT_GT(service_.MarkOverdue().Value(), 0);
    ASSERT_TRUE(Act(specialist_, codes[2], domain::DossierAction::kForward));
    HistoryImporter importer(database_.Get(), catalog_, service_, clock_);
    ASSERT_EQ(
        importer
            .Import(
                system_,
                R"({"code": "H32.1.01-250101-0001", "procedure": "P1", "agency": "H32.1.01", "channel": "desk", "applicant": {"kind": "citizen", "id_number": "056095001234", "name": "An"}, "events": [{"at": "2025-01-02T08:00:00+07:00", "action": "receive"}]})")
            .Value()
            .imported,
        1);
    auto rows = [&] {
        std::vector<storage::CounterRow> all;
        EXPECT_TRUE(database_.Get()
                        .Read([&](storage::Transaction& transaction) -> Outcome<Done> {
                            all = transaction.Indicators().ListAll().Value();
                            return Done{};
                        })
                        .HasValue());
        return all;
    };
    const auto incremental = rows();
    ASSERT_FALSE(incremental.empty());
    reporting::Counters total;
    for (const auto& row : incremental) {
        total += row.counters;
    }
    EXPECT_EQ(total.received, 4);  // Three accepted online, one imported; one never accepted.
    EXPECT_GE(total.overdue.year, 3);
    IndicatorService indicators(database_.Get(), catalog_, clock_);
    auto report = indicators.Recompute(system_);
    ASSERT_TRUE(report.HasValue());
    EXPECT_EQ(report.Value().dossiers, 5);
    EXPECT_EQ(rows(), incremental);
    EXPECT_EQ(indicators.Recompute(citizen_).GetError().kind, ErrorKind::kForbidden);
}

}  // namespace
}  // namespace motcua::services
