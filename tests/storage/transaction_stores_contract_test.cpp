// The contract of the transaction stores every backend must keep (storage_backends.hpp):
// accounts and sessions, the audit chain, calendar overrides, dossiers and their counters, and
// Transaction::Isolated.
#include <algorithm>

#include <gtest/gtest.h>

#include "common/time_format.hpp"
#include "storage/storage_backends.hpp"

namespace motcua::storage {
namespace {

using namespace std::chrono_literals;

template <typename Backend>
using TransactionStoresContract = testing::StorageContract<Backend>;
TYPED_TEST_SUITE(TransactionStoresContract, testing::StorageBackends, testing::BackendName);

domain::Account MakeAccount(std::string login, std::string agency) {
    domain::Account account;
    account.kind = domain::AccountKind::kOfficer;
    account.login = std::move(login);
    account.name = "Nguyễn Văn Ánh";
    account.agency_code = std::move(agency);
    account.password_hash = "$argon2id$x";
    account.created_at = "2025-07-01T01:00:00.000000Z";
    account.grants = {{domain::Role::kSpecialist, account.agency_code}};
    return account;
}

domain::AuditRecord MakeRecord(std::string action, std::int64_t actor) {
    domain::AuditRecord record;
    record.at = "2025-07-01T01:00:00.000000Z";
    record.actor_id = actor;
    record.actor_login = "a" + std::to_string(actor);
    record.action = std::move(action);
    record.target_kind = "account";
    record.target_id = "7";
    record.outcome = "ok";
    record.detail = "{}";
    return record;
}

domain::Dossier MakeDossier(std::string code, std::string agency, Instant due) {
    domain::Dossier dossier;
    dossier.code = std::move(code);
    dossier.procedure_code = "P1";
    dossier.receiving_agency = agency;
    dossier.competent_agency = agency;
    dossier.current_agency = agency;
    dossier.applicant.id_number = "001099000001";
    dossier.applicant.name = "Trần Thị Bình";
    dossier.status = domain::DossierStatus::kInProcessing;
    dossier.steps = {{"Xử lý", domain::StepRole::kSpecialist, agency, {}, {}, {}}};
    dossier.received_at = due - 72h;
    dossier.due_at = due;
    return dossier;
}

Instant At(const char* text) { return *ParseRfc3339(text); }

TYPED_TEST(TransactionStoresContract, AccountsAndSessions) {
    std::int64_t id = 0;
    ASSERT_TRUE(this->Db()
                    .Write([&](Transaction& t) -> Outcome<Done> {
                        auto inserted = t.Accounts().Insert(MakeAccount("can.bo", "H32.02"));
                        if (!inserted) {
                            return inserted.GetError();
                        }
                        id = inserted.Value();
                        MOTCUA_RETURN_IF_ERROR(t.Accounts().Insert(MakeAccount("khac", "H32.03")));
                        auto again = t.Accounts().Insert(MakeAccount("can.bo", "H32.02"));
                        EXPECT_EQ(again.GetError().code, "login_taken");
                        MOTCUA_RETURN_IF_ERROR(t.Sessions().Insert(
                            {"t1", id, "cookie", "c", "2025-07-01", "2025-07-02", "", "::1"}));
                        MOTCUA_RETURN_IF_ERROR(t.Sessions().Insert(
                            {"t2", id, "bearer", "", "2025-07-01", "2025-07-02", "", ""}));
                        MOTCUA_RETURN_IF_ERROR(
                            t.Sessions().RevokeAllFor(id, "2025-07-01T02", "t2"));
                        EXPECT_EQ(t.Accounts().SetDisabled(id + 100, false).GetError().kind,
                                  ErrorKind::kNotFound);
                        return t.Accounts().SetDisabled(id, true);
                    })
                    .HasValue());
    ASSERT_TRUE(this->Db()
                    .Read([&](Transaction& t) -> Outcome<Done> {
                        auto found = t.Accounts().FindByLogin("can.bo").Value();
                        EXPECT_TRUE(found.has_value());
                        EXPECT_EQ(found->id, id);
                        EXPECT_EQ(found->name, "Nguyễn Văn Ánh");
                        EXPECT_TRUE(found->disabled);
                        EXPECT_EQ(found->grants.size(), 1U);
                        AccountFilter filter;
                        filter.agency_codes = {"H32.03"};
                        auto listed = t.Accounts().List(filter).Value();
                        EXPECT_EQ(listed.size(), 1U);
                        filter = {};
                        filter.login_prefix = "can_";  // '_' is not a wildcard.
                        EXPECT_TRUE(t.Accounts().List(filter).Value().empty());
                        EXPECT_EQ(t.Accounts().FindById(id + 100).Value(), std::nullopt);
                        EXPECT_EQ(t.Sessions().Find("t1").Value()->revoked_at, "2025-07-01T02");
                        EXPECT_EQ(t.Sessions().Find("t2").Value()->revoked_at, "");
                        return Done{};
                    })
                    .HasValue());
}

TYPED_TEST(TransactionStoresContract, AuditChainAndQueries) {
    ASSERT_TRUE(this->Db()
                    .Write([](Transaction& t) -> Outcome<Done> {
                        MOTCUA_RETURN_IF_ERROR(t.Audit().Append(MakeRecord("auth.login", 1)));
                        MOTCUA_RETURN_IF_ERROR(t.Audit().Append(MakeRecord("account.create", 2)));
                        MOTCUA_RETURN_IF_ERROR(t.Audit().Append(MakeRecord("auth.logout", 1)));
                        // The transaction's own records are seen by its reads of the log.
                        EXPECT_EQ(t.Audit().GetHead().Value().first, 3);
                        MOTCUA_RETURN_IF_ERROR(t.Audit().Append(MakeRecord("auth.login", 3)));
                        AuditFilter own;
                        own.actor_id = 3;
                        EXPECT_EQ(t.Audit().Query(own).Value().size(), 1U);
                        return Done{};
                    })
                    .HasValue());
    ASSERT_TRUE(this->Db()
                    .Read([](Transaction& t) -> Outcome<Done> {
                        AuditFilter filter;
                        filter.action_prefix = "auth.";
                        auto records = t.Audit().Query(filter).Value();
                        EXPECT_EQ(records.size(), 3U);
                        EXPECT_EQ(records.at(0).seq, 4);  // Newest first.
                        filter = {};
                        filter.actor_id = 2;
                        EXPECT_EQ(t.Audit().Query(filter).Value().size(), 1U);
                        domain::AuditChainVerifier verifier(std::string(32, 'k'));
                        MOTCUA_RETURN_IF_ERROR(t.Audit().Scan(
                            [&](const domain::AuditRecord& r) { return verifier.Feed(r); }));
                        const auto head = t.Audit().GetHead().Value();
                        EXPECT_EQ(head.first, 4);
                        EXPECT_TRUE(verifier.Finish(head.first, head.second));
                        return Done{};
                    })
                    .HasValue());
}

TYPED_TEST(TransactionStoresContract, ManyAuditRecordsOfOneTransactionChainInOrder) {
    // More records than a backend writes in one statement (PostgreSQL: 64 per INSERT).
    static constexpr int kRecords = 150;
    ASSERT_TRUE(this->Db()
                    .Write([](Transaction& t) -> Outcome<Done> {
                        for (int i = 1; i <= kRecords; ++i) {
                            MOTCUA_RETURN_IF_ERROR(t.Audit().Append(MakeRecord("bulk", i)));
                        }
                        return Done{};
                    })
                    .HasValue());
    ASSERT_TRUE(this->Db()
                    .Read([](Transaction& t) -> Outcome<Done> {
                        std::int64_t expected = 0;
                        domain::AuditChainVerifier verifier(std::string(32, 'k'));
                        MOTCUA_RETURN_IF_ERROR(t.Audit().Scan([&](const domain::AuditRecord& r) {
                            ++expected;
                            EXPECT_EQ(r.seq, expected);
                            EXPECT_EQ(r.actor_id, expected);  // Appended in this order.
                            return verifier.Feed(r);
                        }));
                        EXPECT_EQ(expected, kRecords);
                        const auto head = t.Audit().GetHead().Value();
                        EXPECT_EQ(head.first, kRecords);
                        EXPECT_TRUE(verifier.Finish(head.first, head.second));
                        return Done{};
                    })
                    .HasValue());
}

TYPED_TEST(TransactionStoresContract, CalendarOverridesAndRevision) {
    using std::chrono::sys_days;
    const sys_days day = std::chrono::year{2026} / 5 / 2;
    ASSERT_TRUE(this->Db()
                    .Write([&](Transaction& t) -> Outcome<Done> {
                        CalendarOverrideRecord record;
                        record.day.date = day;
                        record.day.working = true;
                        record.day.reason_vi = "Làm bù";
                        record.recorded_by = "admin";
                        record.recorded_at = "2026-04-01T00:00:00Z";
                        MOTCUA_RETURN_IF_ERROR(t.Calendar().Upsert(record));
                        record.day.date = std::chrono::year{2027} / 1 / 2;
                        MOTCUA_RETURN_IF_ERROR(t.Calendar().Upsert(record));
                        EXPECT_FALSE(t.Calendar().Delete(std::chrono::year{2027} / 1 / 3).Value());
                        EXPECT_TRUE(t.Calendar().Delete(std::chrono::year{2027} / 1 / 2).Value());
                        return Done{};
                    })
                    .HasValue());
    ASSERT_TRUE(this->Db()
                    .Read([&](Transaction& t) -> Outcome<Done> {
                        EXPECT_EQ(t.Calendar().List(2026).Value().size(), 1U);
                        EXPECT_TRUE(t.Calendar().List(2027).Value().empty());
                        EXPECT_EQ(t.Calendar().Find(day).Value()->day.reason_vi, "Làm bù");
                        EXPECT_EQ(t.Calendar().GetRevision().Value(), 3);
                        return Done{};
                    })
                    .HasValue());
}

TYPED_TEST(TransactionStoresContract, DossiersEventsCountersAndPaging) {
    ASSERT_TRUE(
        this->Db()
            .Write([&](Transaction& t) -> Outcome<Done> {
                auto& dossiers = t.Dossiers();
                EXPECT_EQ(dossiers.NextDailySequence("H32.02", "250701").Value(), 1);
                EXPECT_EQ(dossiers.NextDailySequence("H32.02", "250701").Value(), 2);
                EXPECT_EQ(dossiers.NextDailySequence("H32.03", "250701").Value(), 1);
                MOTCUA_RETURN_IF_ERROR(dossiers.EnsureSequenceAtLeast("H32.02", "250701", 9));
                MOTCUA_RETURN_IF_ERROR(dossiers.EnsureSequenceAtLeast("H32.02", "250701", 3));
                EXPECT_EQ(dossiers.NextDailySequence("H32.02", "250701").Value(), 10);
                for (const char* code : {"D1", "D2", "D3"}) {
                    auto dossier = MakeDossier(code, "H32.02", At("2025-07-10T01:00:00Z"));
                    if (std::string(code) == "D3") {
                        dossier.due_at = At("2025-07-20T01:00:00Z");
                    }
                    auto id = dossiers.Insert(dossier);
                    if (!id) {
                        return id.GetError();
                    }
                    domain::DossierEvent event;
                    event.seq = 1;
                    event.at = At("2025-07-01T01:00:00Z");
                    event.actor_login = "can.bo";
                    event.to = domain::DossierStatus::kReceived;
                    event.payload_json = "{}";
                    MOTCUA_RETURN_IF_ERROR(dossiers.AppendEvent(id.Value(), event));
                }
                EXPECT_EQ(dossiers.Insert(MakeDossier("D1", "H32.02", {})).GetError().code,
                          "dossier_exists");
                MOTCUA_RETURN_IF_ERROR(dossiers.RememberIdempotencyKey(5, "k", "D1", "now"));
                return Done{};
            })
            .HasValue());
    ASSERT_TRUE(this->Db()
                    .Read([&](Transaction& t) -> Outcome<Done> {
                        auto& dossiers = t.Dossiers();
                        auto d1 = dossiers.FindByCode("D1").Value();
                        EXPECT_TRUE(d1.has_value());
                        EXPECT_EQ(d1->applicant.name, "Trần Thị Bình");
                        EXPECT_EQ(dossiers.ListEvents(d1->id).Value().size(), 1U);
                        EXPECT_EQ(*dossiers.FindIdempotencyKey(5, "k").Value(), "D1");
                        // Keyset paging over (due_at, code): a page of one, then the next.
                        auto first =
                            dossiers.FindNewlyOverdue("2025-07-15T00:00:00Z", {}, 1).Value();
                        EXPECT_EQ(first.size(), 1U);
                        EXPECT_EQ(first.at(0).code, "D1");
                        auto next =
                            dossiers.FindNewlyOverdue("2025-07-15T00:00:00Z", first.at(0), 5);
                        EXPECT_EQ(next.Value().size(), 1U);
                        EXPECT_EQ(next.Value().at(0).code, "D2");
                        DossierFilter filter;
                        filter.agencies = {"H32.02"};
                        filter.statuses = {4};
                        filter.roles = {"specialist"};
                        filter.limit = 2;
                        auto page = dossiers.List(filter).Value();
                        EXPECT_EQ(page.size(), 2U);
                        filter.after_key = FormatUtc(*page.back().due_at);
                        filter.after_id = page.back().id;
                        auto rest = dossiers.List(filter).Value();
                        EXPECT_EQ(rest.size(), 1U);
                        EXPECT_EQ(rest.at(0).code, "D3");
                        filter = {};
                        filter.order = DossierOrder::kNewestFirst;
                        EXPECT_EQ(dossiers.List(filter).Value().at(0).code, "D3");
                        CohortFilter cohort;
                        cohort.agency_code = "H32.02";
                        cohort.received_from = "2025-07-01T00:00:00Z";
                        cohort.received_to = "2025-08-01T00:00:00Z";
                        EXPECT_EQ(dossiers.ListCohort(cohort).Value().size(), 3U);
                        return Done{};
                    })
                    .HasValue());
}

// One insert writes the whole row: the document (read back with the row's id) and, for a
// dossier between steps, an empty current role (the column is NOT NULL).
TYPED_TEST(TransactionStoresContract, InsertStoresTheWholeDossierInOneStatement) {
    std::int64_t id = 0;
    ASSERT_TRUE(this->Db()
                    .Write([&](Transaction& t) -> Outcome<Done> {
                        auto dossier = MakeDossier("W1", "H32.02", At("2025-07-10T01:00:00Z"));
                        dossier.steps.clear();
                        dossier.current_step = -1;
                        dossier.fee_total = 50000;
                        MOTCUA_ASSIGN_OR_RETURN(id, t.Dossiers().Insert(dossier));
                        return Done{};
                    })
                    .HasValue());
    ASSERT_TRUE(this->Db()
                    .Read([&](Transaction& t) -> Outcome<Done> {
                        auto found = t.Dossiers().FindByCode("W1").Value();
                        EXPECT_TRUE(found.has_value());
                        if (found) {
                            EXPECT_EQ(found->id, id);
                            EXPECT_EQ(found->applicant.name, "Trần Thị Bình");
                            EXPECT_EQ(found->fee_total, 50000);
                            EXPECT_EQ(found->due_at, At("2025-07-10T01:00:00Z"));
                            EXPECT_TRUE(found->steps.empty());
                        }
                        return Done{};
                    })
                    .HasValue());
}

TYPED_TEST(TransactionStoresContract, ListEventsOfKeepsOnlyTheAskedActionsInOrder) {
    using domain::DossierAction;
    ASSERT_TRUE(this->Db()
                    .Write([&](Transaction& t) -> Outcome<Done> {
                        auto id = t.Dossiers().Insert(
                            MakeDossier("E1", "H32.02", At("2025-07-10T01:00:00Z")));
                        if (!id) {
                            return id.GetError();
                        }
                        const DossierAction actions[] = {
                            DossierAction::kReceive,           DossierAction::kReuse,
                            DossierAction::kRequestSupplement, DossierAction::kReuse,
                            DossierAction::kSupplement,        DossierAction::kRequestSupplement,
                            DossierAction::kWithdraw};
                        int seq = 0;
                        for (const auto action : actions) {
                            domain::DossierEvent event;
                            event.seq = ++seq;
                            event.at = At("2025-07-01T01:00:00Z") + std::chrono::hours(seq);
                            event.action = action;
                            event.to = domain::DossierStatus::kInProcessing;
                            event.payload_json = "{}";
                            MOTCUA_RETURN_IF_ERROR(t.Dossiers().AppendEvent(id.Value(), event));
                        }
                        const DossierAction wanted[] = {DossierAction::kRequestSupplement,
                                                        DossierAction::kWithdraw};
                        auto found = t.Dossiers().ListEventsOf(id.Value(), wanted);
                        if (!found) {
                            return found.GetError();
                        }
                        std::vector<int> seqs;
                        for (const auto& event : found.Value()) {
                            seqs.push_back(event.seq);
                        }
                        EXPECT_EQ(seqs, (std::vector<int>{3, 6, 7}));
                        EXPECT_EQ(found.Value().back().action, DossierAction::kWithdraw);
                        EXPECT_TRUE(t.Dossiers().ListEventsOf(id.Value(), {}).Value().empty());
                        EXPECT_EQ(t.Dossiers().ListEvents(id.Value()).Value().size(), 7U);
                        return Done{};
                    })
                    .HasValue());
}

// An officer's inbox (several agencies and roles: one index branch each in both backends) pages
// through exactly the dossiers a plain filter-and-sort would list, in due order, once each —
// also those that match through both their current and their receiving agency.
TYPED_TEST(TransactionStoresContract, InboxPagesListEachMatchingDossierOnceInDueOrder) {
    const std::vector<std::string> agencies = {"H32.02", "H32.03", "H32.04"};
    const std::vector<domain::StepRole> roles = {
        domain::StepRole::kClerk, domain::StepRole::kSpecialist, domain::StepRole::kHead};
    std::vector<domain::Dossier> made;
    for (int i = 0; i < 90; ++i) {
        auto dossier = MakeDossier("I" + std::to_string(i), agencies[i % 3],
                                   At("2025-07-10T01:00:00Z") + std::chrono::hours(i * 7 % 23));
        dossier.current_agency = agencies[(i / 3) % 3];
        dossier.steps[0].role = roles[(i / 9) % 3];
        if (i % 10 == 0) {
            dossier.due_at.reset();  // No deadline: listed last.
        }
        dossier.status =
            i % 4 == 0 ? domain::DossierStatus::kReceived : domain::DossierStatus::kInProcessing;
        made.push_back(dossier);
    }
    ASSERT_TRUE(this->Db()
                    .Write([&](Transaction& t) -> Outcome<Done> {
                        for (auto& dossier : made) {
                            auto id = t.Dossiers().Insert(dossier);
                            if (!id) {
                                return id.GetError();
                            }
                            dossier.id = id.Value();
                        }
                        return Done{};
                    })
                    .HasValue());
    const std::vector<std::string> wanted_agencies = {"H32.02", "H32.04"};
    const std::vector<std::string> wanted_roles = {"specialist", "head"};
    auto key = [](const domain::Dossier& d) {
        return std::pair(d.due_at ? FormatUtc(*d.due_at) : std::string("9999"), d.id);
    };
    std::vector<std::pair<std::string, std::int64_t>> expected;
    for (const auto& d : made) {
        const auto in = [](const std::vector<std::string>& list, const std::string& value) {
            return std::find(list.begin(), list.end(), value) != list.end();
        };
        if ((in(wanted_agencies, d.current_agency) || in(wanted_agencies, d.receiving_agency)) &&
            in(wanted_roles, domain::StepRoleName(d.steps[0].role)) &&
            d.status == domain::DossierStatus::kInProcessing) {
            expected.push_back(key(d));
        }
    }
    std::sort(expected.begin(), expected.end());
    ASSERT_GT(expected.size(), 10U);
    std::vector<std::pair<std::string, std::int64_t>> listed;
    ASSERT_TRUE(this->Db()
                    .Read([&](Transaction& t) -> Outcome<Done> {
                        DossierFilter filter;
                        filter.agencies = wanted_agencies;
                        filter.roles = wanted_roles;
                        filter.statuses = {4};
                        filter.limit = 4;
                        for (int pages = 0; pages < 100; ++pages) {
                            auto page = t.Dossiers().List(filter);
                            if (!page) {
                                return page.GetError();
                            }
                            for (const auto& d : page.Value()) {
                                listed.push_back(key(d));
                            }
                            if (static_cast<int>(page.Value().size()) < filter.limit) {
                                break;
                            }
                            filter.after_key = listed.back().first;
                            filter.after_id = listed.back().second;
                        }
                        return Done{};
                    })
                    .HasValue());
    EXPECT_EQ(listed, expected);
}

// What the overdue job relies on: a dossier no other transaction holds is found as by FindByCode,
// also one this transaction already holds (postgres_database_test.cpp: one another holds is
// skipped).
TYPED_TEST(TransactionStoresContract, FindUnlockedByCodeFindsADossierNoOtherWriterHolds) {
    ASSERT_TRUE(this->Db()
                    .Write([](Transaction& t) -> Outcome<Done> {
                        auto& dossiers = t.Dossiers();
                        for (const char* code : {"D1", "D2"}) {
                            MOTCUA_RETURN_IF_ERROR(dossiers.Insert(
                                MakeDossier(code, "H32.02", At("2025-07-10T01:00:00Z"))));
                        }
                        return Done{};
                    })
                    .HasValue());
    ASSERT_TRUE(this->Db()
                    .Write([](Transaction& t) -> Outcome<Done> {
                        auto& dossiers = t.Dossiers();
                        EXPECT_TRUE(dossiers.FindByCode("D1").Value().has_value());
                        auto held = dossiers.FindUnlockedByCode("D1");
                        if (!held) {
                            return held.GetError();
                        }
                        EXPECT_TRUE(held.Value().has_value());
                        auto free = dossiers.FindUnlockedByCode("D2").Value();
                        EXPECT_TRUE(free.has_value());
                        EXPECT_EQ(free->code, "D2");
                        EXPECT_EQ(free->applicant.name, "Trần Thị Bình");
                        EXPECT_EQ(free->due_at, At("2025-07-10T01:00:00Z"));
                        EXPECT_FALSE(dossiers.FindUnlockedByCode("D9").Value().has_value());
                        return Done{};
                    })
                    .HasValue());
    ASSERT_TRUE(this->Db()
                    .Read([](Transaction& t) -> Outcome<Done> {
                        EXPECT_TRUE(t.Dossiers().FindUnlockedByCode("D1").Value().has_value());
                        return Done{};
                    })
                    .HasValue());
}

TYPED_TEST(TransactionStoresContract, IsolatedUndoesOnlyItsOwnWork) {
    auto written = this->Db().Write([](Transaction& t) -> Outcome<Done> {
        MOTCUA_RETURN_IF_ERROR(t.Isolated([&]() -> Outcome<Done> {
            MOTCUA_RETURN_IF_ERROR(t.Audit().Append(MakeRecord("import.kept", 1)));
            return t.Dossiers().EnsureSequenceAtLeast("A", "250701", 5);
        }));
        auto failed = t.Isolated([&]() -> Outcome<Done> {
            MOTCUA_RETURN_IF_ERROR(t.Audit().Append(MakeRecord("import.undone", 1)));
            // A read of the log inside sees the records so far, and loses none of them.
            EXPECT_EQ(t.Audit().GetHead().Value().first, 2);
            MOTCUA_RETURN_IF_ERROR(t.Dossiers().EnsureSequenceAtLeast("B", "250701", 5));
            return MakeError(ErrorKind::kInvalid, "bad_line");
        });
        EXPECT_EQ(failed.GetError().code, "bad_line");
        // A failing statement inside (a foreign key) is undone too, and the rest goes on.
        EXPECT_ANY_THROW((void)t.Isolated([&]() -> Outcome<Done> {
            return t.Sessions().Insert({"t", 999, "cookie", "", "x", "y", "", ""});
        }));
        MOTCUA_RETURN_IF_ERROR(t.Audit().Append(MakeRecord("import.end", 1)));
        return t.Dossiers().EnsureSequenceAtLeast("C", "250701", 5);
    });
    ASSERT_TRUE(written.HasValue()) << written.GetError().detail;
    // The undone part's audit record went with it; the others are chained in order.
    ASSERT_TRUE(this->Db()
                    .Read([](Transaction& t) -> Outcome<Done> {
                        std::vector<std::string> actions;
                        domain::AuditChainVerifier verifier(std::string(32, 'k'));
                        MOTCUA_RETURN_IF_ERROR(t.Audit().Scan([&](const domain::AuditRecord& r) {
                            actions.push_back(r.action);
                            return verifier.Feed(r);
                        }));
                        EXPECT_EQ(actions, (std::vector<std::string>{"import.kept", "import.end"}));
                        const auto head = t.Audit().GetHead().Value();
                        EXPECT_TRUE(verifier.Finish(head.first, head.second));
                        return Done{};
                    })
                    .HasValue());
    ASSERT_TRUE(this->Db()
                    .Write([](Transaction& t) -> Outcome<Done> {
                        EXPECT_EQ(t.Dossiers().NextDailySequence("A", "250701").Value(), 6);
                        EXPECT_EQ(t.Dossiers().NextDailySequence("B", "250701").Value(), 1);
                        EXPECT_EQ(t.Dossiers().NextDailySequence("C", "250701").Value(), 6);
                        return Done{};
                    })
                    .HasValue());
}

}  // namespace
}  // namespace motcua::storage
