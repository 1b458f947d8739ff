#include "connectors/dvcqg/dvcqg_connector.hpp"

#include <deque>
#include <set>
#include <thread>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "common/time_format.hpp"
#include "connectors/http/test_http_server.hpp"

namespace motcua::connectors {
namespace {

using domain::DossierAction;
using domain::DossierStatus;
using services::DeliveryStatus;
using testing::TestReply;
using testing::TestRequest;
namespace json = boost::json;

TestReply Json(std::string_view code, std::string_view message, json::object extra = {}) {
    extra["error_code"] = code;
    extra["message"] = message;
    return {.body = json::serialize(extra)};
}

// A portal that follows docs/dvcqg.md §2–3 and records what it was asked; tests may force the
// next answers of a service.
class FakePortal {
public:
    TestReply Answer(const TestRequest& request) {
        const std::lock_guard lock(mutex_);
        const auto body = json::parse(request.body).as_object();
        if (request.target == "/auth") {
            if (body.at("username") != "motcua" || body.at("password") != "mật khẩu") {
                return Json("401", "Sai tên đăng nhập hoặc mật khẩu");
            }
            const std::string token = "token-" + std::to_string(++sign_ins_);
            tokens_.insert(token);
            return Json("0", "thành công", {{"session", token}, {"expires_in", 3600}});
        }
        const std::string service(body.at("service").as_string());
        calls_.push_back({service,
                          request.headers.count("idempotency-key") != 0
                              ? request.headers.at("idempotency-key")
                              : std::string{},
                          body});
        if (!tokens_.contains(std::string(body.at("session").as_string()))) {
            return Json("-9", "Phiên làm việc hết hạn");
        }
        if (auto forced = forced_.find(service);
            forced != forced_.end() && !forced->second.empty()) {
            TestReply reply = forced->second.front();
            forced->second.pop_front();
            return reply;
        }
        if (service == "DongBoHoSoMC") {
            const std::string code(body.at("data").at(0).at("MaHoSo").as_string());
            const bool updating = body.at("isUpdating").as_bool();
            if (!updating && dossiers_.contains(code)) {
                return Json("-1", "Hồ sơ đã tồn tại");
            }
            if (updating && !dossiers_.contains(code)) {
                return Json("-2", "Hồ sơ không tồn tại");
            }
            dossiers_.insert(code);
            return Json("0", "thành công");
        }
        if (service == "CapNhatTienDoHoSoMC") {
            if (!dossiers_.contains(std::string(body.at("data").at(0).at("MaHoSo").as_string()))) {
                return Json("-2", "Hồ sơ không tồn tại");
            }
            return Json("0", "thành công");
        }
        if (service == "LayDanhSachHoSoDVC") {
            return Json("0", "",
                        {{"result", json::array{{{"SoThuTu", 11},
                                                 {"MaHoSoQG", "G22-1"},
                                                 {"ChuHoSo", "Trần Thị Bình"},
                                                 {"NgayNopHoSo", "20260310083000"}}}}});
        }
        if (service == "LayDanhSachTTHC") {
            return Json("0", "", {{"result", json::array{{{"MaTTHC", "1.001193"}}}}});
        }
        if (service == "LayDanhMucCoQuan") {
            return Json("0", "", {{"result", json::array{{{"MaCoQuan", "H32"}}, "bad row"}}});
        }
        return Json("404", "unknown service");
    }

    struct Call {
        std::string service;
        std::string key;
        json::object body;
    };
    std::vector<Call> Calls() const {
        const std::lock_guard lock(mutex_);
        return calls_;
    }
    int SignIns() const {
        const std::lock_guard lock(mutex_);
        return sign_ins_;
    }
    void ExpireSessions() {
        const std::lock_guard lock(mutex_);
        tokens_.clear();
    }
    void AddDossier(const std::string& code) {
        const std::lock_guard lock(mutex_);
        dossiers_.insert(code);
    }
    void Force(const std::string& service, TestReply reply) {
        const std::lock_guard lock(mutex_);
        forced_[service].push_back(std::move(reply));
    }
    std::string Url() const { return server_.Url(); }

private:
    mutable std::mutex mutex_;
    int sign_ins_ = 0;
    std::set<std::string> tokens_;
    std::set<std::string> dossiers_;
    std::vector<Call> calls_;
    std::map<std::string, std::deque<TestReply>> forced_;
    testing::TestHttpServer server_{[this](const TestRequest& request) { return Answer(request); }};
};

class DvcqgConnectorTest : public ::testing::Test {
protected:
    DvcqgConnectorTest() {
        dossier_.code = "H32.05-260310-0001";
        dossier_.procedure_code = "1.001193.000.00.00.H32";
        dossier_.channel = domain::Channel::kDesk;
        dossier_.applicant.name = "Nguyễn Văn An";
        dossier_.status = DossierStatus::kReceived;
        dossier_.submitted_at = ParseRfc3339("2026-03-10T09:00:00+07:00");
        event_.seq = 1;
        event_.at = *dossier_.submitted_at;
        event_.action = DossierAction::kReceive;
        event_.actor_login = "clerk1";
        event_.to = DossierStatus::kReceived;
    }

    std::unique_ptr<DvcqgConnector> MakeConnector(std::string password = "mật khẩu") {
        auto connector = DvcqgConnector::Create(
            {.http = {.base_url = portal_.Url(), .request_timeout = std::chrono::seconds(5)},
             .username = "motcua",
             .password = std::move(password),
             .unit_code = "H32"});
        EXPECT_TRUE(connector);
        return std::move(connector).Value();
    }

    services::DeliveryResult Deliver(DvcqgConnector& connector, std::int64_t id,
                                     DossierAction action, bool first) {
        event_.action = action;
        const services::OutboxItem item{.id = id,
                                        .first_of_dossier = first,
                                        .dossier = dossier_,
                                        .event = event_,
                                        .catalog = *catalog_};
        return connector.Deliver(item);
    }

    FakePortal portal_;
    std::shared_ptr<const services::CatalogSnapshot> catalog_ =
        services::BuildCatalogSnapshot(1, {}, {}, {});
    domain::Dossier dossier_;
    domain::DossierEvent event_;
};

TEST_F(DvcqgConnectorTest, NamesItselfAndWantsEverythingButSyncAck) {
    auto connector = MakeConnector();
    EXPECT_EQ(connector->Name(), "dvcqg");
    for (const auto action : domain::kAllActions) {
        EXPECT_EQ(connector->Wants(action), action != DossierAction::kSyncAck)
            << domain::ActionName(action);
    }
}

TEST_F(DvcqgConnectorTest, FirstEventCreatesTheDossierThenPushesTheStep) {
    auto connector = MakeConnector();
    const auto result = Deliver(*connector, 7, DossierAction::kReceive, true);
    EXPECT_EQ(result.status, DeliveryStatus::kDelivered) << result.error;
    EXPECT_TRUE(result.acknowledged);
    EXPECT_EQ(result.error, "");
    const auto calls = portal_.Calls();
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].service, "DongBoHoSoMC");
    EXPECT_EQ(calls[0].key, "dvcqg-7-h");
    EXPECT_EQ(calls[0].body.at("isUpdating"), false);
    EXPECT_EQ(calls[0].body.at("madonvi"), "H32");
    EXPECT_EQ(calls[0].body.at("session"), "token-1");
    EXPECT_EQ(calls[1].service, "CapNhatTienDoHoSoMC");
    EXPECT_EQ(calls[1].key, "dvcqg-7-s");
    // The record holds both bodies, without the session token or the password.
    ASSERT_EQ(std::count(result.sent.begin(), result.sent.end(), '\n'), 1);
    EXPECT_NE(result.sent.find("DongBoHoSoMC"), std::string::npos);
    EXPECT_NE(result.sent.find("CapNhatTienDoHoSoMC"), std::string::npos);
    EXPECT_EQ(result.sent.find("token-1"), std::string::npos);
    EXPECT_EQ(result.sent.find("mật khẩu"), std::string::npos);
    EXPECT_EQ(std::count(result.answer.begin(), result.answer.end(), '\n'), 1);
    EXPECT_NE(result.answer.find("thành công"), std::string::npos);
}

TEST_F(DvcqgConnectorTest, LaterEventPushesTheStepThenUpdatesTheHeader) {
    portal_.AddDossier(dossier_.code);
    auto connector = MakeConnector();
    dossier_.status = DossierStatus::kAwaitingSupplement;
    event_.to = DossierStatus::kAwaitingSupplement;
    const auto result = Deliver(*connector, 8, DossierAction::kRequestSupplement, false);
    EXPECT_EQ(result.status, DeliveryStatus::kDelivered) << result.error;
    EXPECT_TRUE(result.acknowledged);
    const auto calls = portal_.Calls();
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].service, "CapNhatTienDoHoSoMC");
    EXPECT_EQ(calls[0].body.at("data").at(0).at("TrangThai"), 5);
    EXPECT_EQ(calls[1].service, "DongBoHoSoMC");
    EXPECT_EQ(calls[1].body.at("isUpdating"), true);
    EXPECT_EQ(calls[1].body.at("data").at(0).at("TrangThaiHoSo"), 5);
}

TEST_F(DvcqgConnectorTest, RepeatsACreateOfAKnownDossierAsAnUpdate) {
    portal_.AddDossier(dossier_.code);
    auto connector = MakeConnector();
    const auto result = Deliver(*connector, 9, DossierAction::kReceive, true);
    EXPECT_EQ(result.status, DeliveryStatus::kDelivered) << result.error;
    const auto calls = portal_.Calls();
    ASSERT_EQ(calls.size(), 3u);
    EXPECT_EQ(calls[0].body.at("isUpdating"), false);
    EXPECT_EQ(calls[1].body.at("isUpdating"), true);
    EXPECT_EQ(calls[1].key, "dvcqg-9-h");
    EXPECT_EQ(calls[2].service, "CapNhatTienDoHoSoMC");
}

TEST_F(DvcqgConnectorTest, PushesTheHeaderWhenTheStepFindsNoDossier) {
    auto connector = MakeConnector();
    const auto result = Deliver(*connector, 10, DossierAction::kForward, false);
    EXPECT_EQ(result.status, DeliveryStatus::kDelivered) << result.error;
    EXPECT_TRUE(result.acknowledged);
    std::vector<std::string> services;
    for (const auto& call : portal_.Calls()) {
        services.push_back(call.service);
    }
    EXPECT_EQ(services, (std::vector<std::string>{"CapNhatTienDoHoSoMC", "DongBoHoSoMC",
                                                  "CapNhatTienDoHoSoMC", "DongBoHoSoMC"}));
}

TEST_F(DvcqgConnectorTest, PushesOnlyTheStepOfAnAttachment) {
    portal_.AddDossier(dossier_.code);
    auto connector = MakeConnector();
    const auto result = Deliver(*connector, 11, DossierAction::kAttach, false);
    EXPECT_EQ(result.status, DeliveryStatus::kDelivered) << result.error;
    EXPECT_FALSE(result.acknowledged);
    ASSERT_EQ(portal_.Calls().size(), 1u);
    EXPECT_EQ(portal_.Calls()[0].service, "CapNhatTienDoHoSoMC");
}

TEST_F(DvcqgConnectorTest, SignsInAgainOnceWhenTheSessionExpired) {
    auto connector = MakeConnector();
    ASSERT_EQ(Deliver(*connector, 1, DossierAction::kReceive, true).status,
              DeliveryStatus::kDelivered);
    portal_.ExpireSessions();
    const auto result = Deliver(*connector, 2, DossierAction::kAccept, false);
    EXPECT_EQ(result.status, DeliveryStatus::kDelivered) << result.error;
    EXPECT_EQ(portal_.SignIns(), 2);
}

TEST_F(DvcqgConnectorTest, FailsWhenTheSessionExpiresTwice) {
    auto connector = MakeConnector();
    portal_.AddDossier(dossier_.code);
    portal_.Force("CapNhatTienDoHoSoMC", Json("-9", "Phiên làm việc hết hạn"));
    portal_.Force("CapNhatTienDoHoSoMC", Json("-9", "Phiên làm việc hết hạn"));
    const auto result = Deliver(*connector, 3, DossierAction::kAttach, false);
    EXPECT_EQ(result.status, DeliveryStatus::kFailed);
    EXPECT_NE(result.error.find("-9"), std::string::npos) << result.error;
    EXPECT_EQ(portal_.SignIns(), 2);
}

TEST_F(DvcqgConnectorTest, FailsOnRefusedCredentials) {
    auto connector = MakeConnector("wrong");
    const auto result = Deliver(*connector, 1, DossierAction::kReceive, true);
    EXPECT_EQ(result.status, DeliveryStatus::kFailed);
    EXPECT_FALSE(result.acknowledged);
    EXPECT_NE(result.error.find("sign-in refused"), std::string::npos) << result.error;
    EXPECT_NE(result.error.find("401"), std::string::npos) << result.error;
    EXPECT_EQ(result.sent, "");
    EXPECT_TRUE(portal_.Calls().empty());
}

TEST_F(DvcqgConnectorTest, FailsOnAnHttpErrorAfterTheHeader) {
    auto connector = MakeConnector();
    portal_.Force("CapNhatTienDoHoSoMC", TestReply{.status = 502, .body = "<html>Bad gateway"});
    const auto result = Deliver(*connector, 4, DossierAction::kReceive, true);
    EXPECT_EQ(result.status, DeliveryStatus::kFailed);
    EXPECT_TRUE(result.acknowledged);  // The portal holds the dossier.
    EXPECT_NE(result.error.find("CapNhatTienDoHoSoMC"), std::string::npos) << result.error;
    EXPECT_NE(result.error.find("502"), std::string::npos) << result.error;
    EXPECT_NE(result.answer.find("Bad gateway"), std::string::npos);
}

TEST_F(DvcqgConnectorTest, FailsOnAMalformedAnswer) {
    auto connector = MakeConnector();
    portal_.Force("DongBoHoSoMC", TestReply{.body = R"({"error_code": 0})"});
    const auto result = Deliver(*connector, 5, DossierAction::kReceive, true);
    EXPECT_EQ(result.status, DeliveryStatus::kFailed);
    EXPECT_FALSE(result.acknowledged);
    EXPECT_NE(result.error.find("DongBoHoSoMC"), std::string::npos) << result.error;
    EXPECT_EQ(result.error.find('\n'), std::string::npos);
}

TEST_F(DvcqgConnectorTest, FailsWithoutThrowingWhenThePortalIsDown) {
    auto connector = DvcqgConnector::Create(
        {.http = {.base_url = "http://127.0.0.1:1"}, .username = "u", .password = "p"});
    ASSERT_TRUE(connector);
    const auto result = Deliver(*connector.Value(), 1, DossierAction::kReceive, true);
    EXPECT_EQ(result.status, DeliveryStatus::kFailed);
    EXPECT_NE(result.error.find("sign-in"), std::string::npos) << result.error;
}

TEST_F(DvcqgConnectorTest, RefusesABadBaseUrl) {
    EXPECT_FALSE(DvcqgConnector::Create({.http = {.base_url = "dvcqg.gov.vn"}}));
}

TEST_F(DvcqgConnectorTest, SharesOneSessionBetweenThreads) {
    auto connector = MakeConnector();
    std::vector<domain::Dossier> dossiers(4, dossier_);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        dossiers[static_cast<std::size_t>(t)].code = "H32-" + std::to_string(t);
        threads.emplace_back([&, t] {
            for (int i = 0; i < 5; ++i) {
                const services::OutboxItem item{.id = t * 10 + i,
                                                .first_of_dossier = i == 0,
                                                .dossier = dossiers[static_cast<std::size_t>(t)],
                                                .event = event_,
                                                .catalog = *catalog_};
                if (connector->Deliver(item).status != DeliveryStatus::kDelivered) {
                    failures.fetch_add(1);
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(portal_.SignIns(), 1);
}

TEST_F(DvcqgConnectorTest, PullsPortalDossiers) {
    auto connector = MakeConnector();
    const auto page = connector->PullPortalDossiers(10);
    ASSERT_TRUE(page) << page.GetError().detail;
    ASSERT_EQ(page.Value().dossiers.size(), 1u);
    EXPECT_EQ(page.Value().dossiers[0].national_code, "G22-1");
    EXPECT_EQ(page.Value().dossiers[0].applicant.name, "Trần Thị Bình");
    EXPECT_EQ(page.Value().last_seq, 11);
    ASSERT_EQ(portal_.Calls().size(), 1u);
    EXPECT_EQ(portal_.Calls()[0].body.at("tuSoThuTu"), 10);
    EXPECT_EQ(portal_.Calls()[0].key, "");
}

TEST_F(DvcqgConnectorTest, PullsTheCatalogue) {
    auto connector = MakeConnector();
    const auto catalogue = connector->PullCatalogue();
    ASSERT_TRUE(catalogue) << catalogue.GetError().detail;
    ASSERT_EQ(catalogue.Value().procedures.size(), 1u);
    EXPECT_EQ(catalogue.Value().procedures[0].code, "1.001193");
    ASSERT_EQ(catalogue.Value().agencies.size(), 1u);
    EXPECT_EQ(catalogue.Value().agencies[0].code, "H32");
    EXPECT_EQ(catalogue.Value().skipped, 1);
}

TEST_F(DvcqgConnectorTest, ReportsAFailedPull) {
    auto connector = MakeConnector();
    portal_.Force("LayDanhSachTTHC", Json("500", "Lỗi hệ thống"));
    const auto catalogue = connector->PullCatalogue();
    ASSERT_FALSE(catalogue);
    EXPECT_NE(catalogue.GetError().detail.find("Lỗi hệ thống"), std::string::npos);
}

}  // namespace
}  // namespace motcua::connectors
