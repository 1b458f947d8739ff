#include "connectors/witness/witness_connector.hpp"

#include <map>
#include <mutex>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "connectors/http/test_http_server.hpp"
#include "services/audit/audit_anchor_message.hpp"

namespace motcua::connectors {
namespace {

using services::DeliveryStatus;
using testing::TestReply;
using testing::TestRequest;
namespace json = boost::json;

constexpr std::string_view kToken = "witness-token";

std::string Hash(char digit) {
    std::string hash(64, digit);
    return hash;
}

// A witness that follows docs/connectors.md §5, with pages of two anchors (fewer than the limit
// asked for, as the protocol allows) so that reading them back takes several calls.
class FakeWitness {
public:
    TestReply Answer(const TestRequest& request) {
        const std::lock_guard lock(mutex_);
        if (request.headers.count("authorization") == 0 ||
            request.headers.at("authorization") != "Bearer " + std::string(kToken)) {
            return {.status = 401, .body = R"({"error": "unauthorized"})"};
        }
        const auto body = json::parse(request.body).as_object();
        if (body.at("source") != "motcua-h32") {
            return {.status = 400, .body = R"({"error": "invalid"})"};
        }
        if (request.target == "/v1/anchors") {
            const auto seq = body.at("seq").as_int64();
            const std::string hash(body.at("hash").as_string());
            const auto [found, added] = anchors_.try_emplace(seq, hash);
            if (added) {
                return {.status = 201, .body = R"({"status": "recorded"})"};
            }
            if (found->second == hash) {
                return {.status = 200, .body = R"({"status": "held"})"};
            }
            return {.status = 409,
                    .body = R"({"error": "conflict", "held_hash": ")" + found->second + "\"}"};
        }
        ++list_calls_;
        json::array page;
        auto at = anchors_.upper_bound(body.at("after_seq").as_int64());
        for (; at != anchors_.end() && page.size() < 2; ++at) {
            page.push_back(json::object{
                {"seq", at->first}, {"hash", at->second}, {"anchored_at", "2026-12-06T10:00:00Z"}});
        }
        return {.body = json::serialize(
                    json::object{{"anchors", page}, {"more", at != anchors_.end()}})};
    }

    std::string Url() const { return server_.Url(); }
    int ListCalls() const {
        const std::lock_guard lock(mutex_);
        return list_calls_;
    }

private:
    mutable std::mutex mutex_;
    std::map<std::int64_t, std::string> anchors_;
    int list_calls_ = 0;
    testing::TestHttpServer server_{[this](const TestRequest& request) { return Answer(request); }};
};

std::unique_ptr<WitnessConnector> MakeConnector(const std::string& url,
                                                std::string token = std::string(kToken)) {
    auto connector = WitnessConnector::Create(
        {.http = {.base_url = url, .request_timeout = std::chrono::seconds(5)},
         .token = std::move(token),
         .source = "motcua-h32"});
    EXPECT_TRUE(connector);
    return std::move(connector).Value();
}

services::DeliveryResult Send(WitnessConnector& connector, std::int64_t seq, char digit) {
    return connector.DeliverMessage(
        {.id = seq,
         .kind = std::string(services::kAuditAnchorMessage),
         .payload = services::AnchorPayload(
             {.at = "2026-12-06T10:00:00Z", .seq = seq, .hash = Hash(digit)})});
}

TEST(WitnessConnectorTest, AnAnchorIsRecordedOnceAndARetryIsDelivered) {
    FakeWitness witness;
    auto connector = MakeConnector(witness.Url());
    const auto first = Send(*connector, 12, 'a');
    EXPECT_EQ(first.status, DeliveryStatus::kDelivered) << first.error;
    EXPECT_NE(first.sent.find(R"("seq":12)"), std::string::npos) << first.sent;
    EXPECT_EQ(first.answer, R"({"status": "recorded"})");
    // The answer was lost and the row goes again: the witness says it holds it.
    EXPECT_EQ(Send(*connector, 12, 'a').status, DeliveryStatus::kDelivered);
}

TEST(WitnessConnectorTest, AnotherHashForAnAnchoredRowFails) {
    FakeWitness witness;
    auto connector = MakeConnector(witness.Url());
    ASSERT_EQ(Send(*connector, 12, 'a').status, DeliveryStatus::kDelivered);
    const auto rewritten = Send(*connector, 12, 'b');
    EXPECT_EQ(rewritten.status, DeliveryStatus::kFailed);
    EXPECT_EQ(rewritten.error,
              "conflict: the witness holds another hash for this row: " + Hash('a'));
}

TEST(WitnessConnectorTest, AWrongTokenFails) {
    FakeWitness witness;
    auto connector = MakeConnector(witness.Url(), "guessed");
    EXPECT_EQ(Send(*connector, 1, 'a').error, "the witness refused the token (HTTP 401)");
    const auto listed = connector->ListAnchors();
    ASSERT_FALSE(listed);
    EXPECT_EQ(listed.GetError().detail, "list: HTTP 401");
}

TEST(WitnessConnectorTest, TakesOnlyAnchorMessages) {
    FakeWitness witness;
    auto connector = MakeConnector(witness.Url());
    EXPECT_FALSE(connector->Wants(domain::DossierAction::kReceive));
    EXPECT_EQ(connector->DeliverMessage({.id = 1, .kind = "payment", .payload = "{}"}).error,
              "the witness takes no payment messages");
    EXPECT_EQ(connector
                  ->DeliverMessage({.id = 1,
                                    .kind = std::string(services::kAuditAnchorMessage),
                                    .payload = R"({"seq": 0})"})
                  .error,
              "the payload is not an anchor");
}

TEST(WitnessConnectorTest, ReadsBackEveryAnchorPageByPage) {
    FakeWitness witness;
    auto connector = MakeConnector(witness.Url());
    for (std::int64_t seq = 1; seq <= 5; ++seq) {
        ASSERT_EQ(Send(*connector, seq * 10, static_cast<char>('0' + seq)).status,
                  DeliveryStatus::kDelivered);
    }
    const auto anchors = connector->ListAnchors();
    ASSERT_TRUE(anchors) << anchors.GetError().detail;
    ASSERT_EQ(anchors.Value().size(), 5U);
    EXPECT_EQ(anchors.Value().front().seq, 10);
    EXPECT_EQ(anchors.Value().back().seq, 50);
    EXPECT_EQ(anchors.Value().back().hash, Hash('5'));
    EXPECT_EQ(witness.ListCalls(), 3);  // Pages of 2, 2 and 1.
}

TEST(WitnessConnectorTest, AnUnreachableWitnessIsUnavailable) {
    std::string url;
    {
        FakeWitness gone;
        url = gone.Url();
    }
    auto connector = MakeConnector(url);
    const auto sent = Send(*connector, 1, 'a');
    EXPECT_EQ(sent.status, DeliveryStatus::kFailed);
    EXPECT_TRUE(sent.error.starts_with("connect: ")) << sent.error;
    const auto listed = connector->ListAnchors();
    ASSERT_FALSE(listed);
    EXPECT_EQ(listed.GetError().kind, ErrorKind::kUnavailable);
    EXPECT_EQ(listed.GetError().param, "witness");
}

}  // namespace
}  // namespace motcua::connectors
