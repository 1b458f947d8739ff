// The callbacks are sent from the listener's thread that settled the payment (normal, repeated),
// so that the browser is sent back only once MotCua has answered, as the real platform does; the
// after_return scenario sends from a thread of its own, joined when the simulator ends.
#include "simulators/payment_platform/confirm_sender.hpp"

#include <chrono>

#include <boost/json.hpp>

#include "connectors/payment_platform/payment_platform_protocol.hpp"
#include "simulators/common/http_call.hpp"

namespace motcua::sim::payment_platform {
namespace {

namespace json = boost::json;
namespace protocol = motcua::connectors;

constexpr auto kCallTimeout = std::chrono::milliseconds(5000);
constexpr auto kAfterReturnDelay = std::chrono::milliseconds(300);
constexpr int kRepeatedDeliveries = 3;
constexpr std::size_t kLongestKeptReply = 1024;

}  // namespace

ConfirmSender::ConfirmSender(PlatformState& state, ConfirmOptions options)
    : state_(state), options_(std::move(options)) {}

ConfirmSender::~ConfirmSender() {
    std::lock_guard lock(mutex_);
    for (std::thread& thread : background_) {
        thread.join();
    }
}

std::string ConfirmSender::Body(const Transaction& transaction, std::string_view tamper) const {
    const protocol::PlatformConfirm confirm{.message_type = "CONFIRM",
                                            .result = transaction.result,
                                            .partner_code = options_.partner_code,
                                            .reference = transaction.reference,
                                            .amount_vnd = transaction.amount_vnd,
                                            .currency = "VND",
                                            .transaction_id = transaction.transaction_id,
                                            .bank_code = "SIMBANK",
                                            .time_gd = transaction.settled_gd,
                                            .info = transaction.info};
    json::object message = protocol::SignedPlatformConfirm(confirm, options_.secret);
    if (tamper == "amount") {
        message["SoTien"] = std::to_string(transaction.amount_vnd + 1000);
    } else if (tamper == "signature") {
        std::string hash(message["MaXacThuc"].as_string());
        hash.back() = hash.back() == '0' ? '1' : '0';
        message["MaXacThuc"] = hash;
    }
    return json::serialize(message);
}

ConfirmAttempt ConfirmSender::SendOnce(const std::string& reference, int delivery, int attempt,
                                       const std::string& body, std::string_view tamper) {
    ConfirmAttempt record{.reference = reference,
                          .delivery = delivery,
                          .attempt = attempt,
                          .url = state_.Merchant().Url(),
                          .tamper = std::string(tamper)};
    if (record.url.empty()) {
        record.error = "no confirm URL (POST /_sim/merchant)";
    } else {
        const HttpCallResult result =
            CallHttp("POST", record.url, "application/json", body, kCallTimeout);
        record.status = result.status;
        record.error = result.error;
        record.reply = result.body.substr(0, kLongestKeptReply);
        record.error_code = protocol::ReadPlatformConfirmReply(result.status, result.body);
    }
    state_.Record(record);
    return record;
}

std::vector<ConfirmAttempt> ConfirmSender::SendWithRetries(const std::string& reference,
                                                           const std::string& body) {
    const int delivery = state_.NextDelivery(reference);
    std::vector<ConfirmAttempt> attempts;
    for (int attempt = 1; attempt <= options_.retries + 1; ++attempt) {
        if (attempt > 1) {
            std::this_thread::sleep_for(std::chrono::milliseconds(options_.retry_ms));
        }
        attempts.push_back(SendOnce(reference, delivery, attempt, body, "none"));
        if (attempts.back().error_code == "0" || attempts.back().url.empty()) {
            break;
        }
    }
    return attempts;
}

std::vector<ConfirmAttempt> ConfirmSender::Deliver(const Transaction& transaction,
                                                   CallbackScenario scenario) {
    const std::string body = Body(transaction, "none");
    std::vector<ConfirmAttempt> attempts;
    switch (scenario) {
        case CallbackScenario::kNormal:
            return SendWithRetries(transaction.reference, body);
        case CallbackScenario::kLost:
            state_.Count(counter::kConfirmsLost);
            return attempts;
        case CallbackScenario::kRepeated:
            for (int i = 0; i < kRepeatedDeliveries; ++i) {
                auto sent = SendWithRetries(transaction.reference, body);
                attempts.insert(attempts.end(), sent.begin(), sent.end());
            }
            return attempts;
        case CallbackScenario::kAfterReturn: {
            std::lock_guard lock(mutex_);
            background_.emplace_back([this, reference = transaction.reference, body] {
                std::this_thread::sleep_for(kAfterReturnDelay);
                SendWithRetries(reference, body);
            });
            return attempts;
        }
    }
    return attempts;
}

ConfirmAttempt ConfirmSender::Replay(const Transaction& transaction, std::string_view tamper) {
    const int delivery = state_.NextDelivery(transaction.reference);
    return SendOnce(transaction.reference, delivery, 1, Body(transaction, tamper), tamper);
}

}  // namespace motcua::sim::payment_platform
