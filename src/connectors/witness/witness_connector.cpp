#include "connectors/witness/witness_connector.hpp"

#include <exception>

#include "connectors/http/kept_text.hpp"
#include "connectors/witness/witness_protocol.hpp"
#include "services/audit/audit_anchor_message.hpp"

namespace motcua::connectors {
namespace {

// What DeliveryResult::answer keeps of the answer.
constexpr std::size_t kKeptAnswerBytes = 1024;
// A witness that keeps saying "more" stops being believed after this many pages (a billion
// anchors: one a minute for two thousand years).
constexpr int kMaxPages = 1'000'000;

services::DeliveryResult Failed(std::string sent, const std::string& error) {
    return {.sent = std::move(sent), .error = KeepText(error)};
}

}  // namespace

WitnessConnector::WitnessConnector(WitnessOptions options, std::unique_ptr<HttpClient> http)
    : options_(std::move(options)), http_(std::move(http)) {}

WitnessConnector::~WitnessConnector() = default;

Outcome<std::unique_ptr<WitnessConnector>> WitnessConnector::Create(WitnessOptions options) {
    MOTCUA_ASSIGN_OR_RETURN(auto http, HttpClient::Create(options.http));
    return std::unique_ptr<WitnessConnector>(
        new WitnessConnector(std::move(options), std::move(http)));
}

std::string_view WitnessConnector::Name() const { return "witness"; }

bool WitnessConnector::Wants(domain::DossierAction /*action*/) const { return false; }

services::DeliveryResult WitnessConnector::Deliver(const services::OutboxItem& item) {
    return Failed({}, "the witness takes no dossier events (row " + std::to_string(item.id) + ")");
}

HttpHeaders WitnessConnector::Headers() const {
    return {{"Authorization", "Bearer " + options_.token}};
}

services::DeliveryResult WitnessConnector::DeliverMessage(const services::OutboxMessage& message) {
    if (message.kind != services::kAuditAnchorMessage) {
        return Failed({}, "the witness takes no " + message.kind + " messages");
    }
    const auto anchor = services::ParseAnchorPayload(message.payload);
    if (!anchor) {
        return Failed({}, "the payload is not an anchor");
    }
    std::string body = WitnessRecordBody(options_.source, *anchor);
    try {
        auto answer = http_->Post(kWitnessRecordTarget, body, Headers());
        if (!answer) {
            return Failed(std::move(body),
                          answer.GetError().param + ": " + answer.GetError().detail);
        }
        const auto read = ReadWitnessRecordAnswer(answer.Value().status, answer.Value().body);
        services::DeliveryResult result{.sent = std::move(body),
                                        .answer = KeepText(answer.Value().body, kKeptAnswerBytes)};
        if (read.delivered) {
            result.status = services::DeliveryStatus::kDelivered;
        } else {
            result.error = read.error;
        }
        return result;
    } catch (const std::exception& exception) {
        return Failed(std::move(body), std::string("unexpected failure: ") + exception.what());
    } catch (...) {
        return Failed(std::move(body), "unexpected failure");
    }
}

Outcome<std::vector<services::AuditAnchor>> WitnessConnector::ListAnchors() {
    std::vector<services::AuditAnchor> anchors;
    std::int64_t after_seq = 0;
    for (int page_number = 0; page_number < kMaxPages; ++page_number) {
        auto answer =
            http_->Post(kWitnessListTarget, WitnessListBody(options_.source, after_seq), Headers());
        if (!answer) {
            return MakeError(ErrorKind::kUnavailable, "unavailable", "witness",
                             "list: " + answer.GetError().param + ": " + answer.GetError().detail);
        }
        MOTCUA_ASSIGN_OR_RETURN(
            auto page, ReadWitnessPage(answer.Value().status, answer.Value().body, after_seq));
        for (auto& anchor : page.anchors) {
            after_seq = anchor.seq;
            anchors.push_back(std::move(anchor));
        }
        if (!page.more) {
            return anchors;
        }
    }
    return MakeError(ErrorKind::kUnavailable, "unavailable", "witness",
                     "list: more pages than any witness can hold");
}

}  // namespace motcua::connectors
