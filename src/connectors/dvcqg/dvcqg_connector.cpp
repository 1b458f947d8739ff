#include "connectors/dvcqg/dvcqg_connector.hpp"

#include <exception>
#include <vector>

#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

#include "connectors/dvcqg/dvcqg_answer.hpp"
#include "connectors/dvcqg/dvcqg_payload.hpp"

namespace motcua::connectors {
namespace {

namespace json = boost::json;

// What DeliveryResult::answer keeps of each answer, and of all of them ("a few KiB").
constexpr std::size_t kKeptAnswerBytes = 1024;
constexpr std::size_t kKeptAnswersBytes = 4096;
constexpr std::string_view kMaskedSession = "***";

Error PortalFailure(const std::string& detail) {
    return MakeError(ErrorKind::kUnavailable, "unavailable", "dvcqg", KeepText(detail));
}

Error PortalRefused(std::string_view service, const DvcqgAnswer& answer) {
    return PortalFailure(std::string(service) + " failed: " + DescribeDvcqgAnswer(answer));
}

std::string ServiceOf(const json::object& body) {
    const auto* service = body.if_contains("service");
    return service != nullptr && service->is_string() ? std::string(service->get_string())
                                                      : std::string("call");
}

std::string Join(const std::vector<std::string>& parts) {
    std::string joined;
    for (const auto& part : parts) {
        if (!joined.empty()) {
            joined += '\n';
        }
        joined += part;
    }
    return joined;
}

// The parts (each already one line) one per line, cut to `max_bytes` in all.
std::string JoinKept(const std::vector<std::string>& parts, std::size_t max_bytes) {
    std::string joined;
    for (const auto& part : parts) {
        const std::size_t separator = joined.empty() ? 0 : 1;
        if (joined.size() + separator >= max_bytes) {
            break;
        }
        if (separator != 0) {
            joined += '\n';
        }
        joined += KeepText(part, max_bytes - joined.size());
    }
    return joined;
}

std::string IdempotencyKey(const services::OutboxItem& item, char suffix) {
    return "dvcqg-" + std::to_string(item.id) + "-" + suffix;
}

}  // namespace

// What one delivery sent and received, for DeliveryResult.
struct DvcqgConnector::CallLog {
    std::vector<std::string> sent;
    std::vector<std::string> answers;
};

struct DvcqgConnector::CallAnswer {
    DvcqgAnswer answer;
    std::string body;
};

DvcqgConnector::DvcqgConnector(DvcqgOptions options, std::unique_ptr<HttpClient> http)
    : options_(std::move(options)), http_(std::move(http)) {}

DvcqgConnector::~DvcqgConnector() = default;

Outcome<std::unique_ptr<DvcqgConnector>> DvcqgConnector::Create(DvcqgOptions options) {
    MOTCUA_ASSIGN_OR_RETURN(auto http, HttpClient::Create(options.http));
    return std::unique_ptr<DvcqgConnector>(new DvcqgConnector(std::move(options), std::move(http)));
}

std::string_view DvcqgConnector::Name() const { return "dvcqg"; }

bool DvcqgConnector::Wants(domain::DossierAction action) const {
    return action != domain::DossierAction::kSyncAck;
}

Outcome<std::string> DvcqgConnector::Session() {
    const std::lock_guard lock(session_mutex_);
    if (!session_.empty()) {
        return session_;
    }
    const auto answer = http_->Post(
        kDvcqgAuthTarget, json::serialize(AuthBody(options_.username, options_.password)));
    if (!answer) {
        return PortalFailure("sign-in: " + answer.GetError().detail);
    }
    if (answer.Value().status != 200) {
        return PortalFailure("sign-in: HTTP " + std::to_string(answer.Value().status));
    }
    const DvcqgAnswer parsed = ParseDvcqgAnswer(answer.Value().body);
    if (parsed.kind != DvcqgAnswerKind::kOk) {
        return PortalFailure("sign-in refused: " + DescribeDvcqgAnswer(parsed));
    }
    if (parsed.session.empty()) {
        return PortalFailure("sign-in: the answer holds no session token");
    }
    session_ = parsed.session;
    spdlog::info("dvcqg: signed in as {}", options_.username);
    return session_;
}

void DvcqgConnector::ForgetSession(const std::string& stale) {
    const std::lock_guard lock(session_mutex_);
    if (session_ == stale) {
        session_.clear();
    }
}

Outcome<DvcqgConnector::CallAnswer> DvcqgConnector::Call(const boost::json::object& fields,
                                                         std::string_view idempotency_key,
                                                         CallLog* log) {
    const std::string service = ServiceOf(fields);
    HttpHeaders headers;
    if (!idempotency_key.empty()) {
        headers.emplace_back("Idempotency-Key", std::string(idempotency_key));
    }
    for (int attempt = 1;; ++attempt) {
        MOTCUA_ASSIGN_OR_RETURN(const std::string session, Session());
        json::object body = fields;
        body["session"] = session;
        body["madonvi"] = options_.unit_code;
        const std::string text = json::serialize(body);
        if (log != nullptr) {
            body["session"] = kMaskedSession;  // The record outlives the token: no credential.
            log->sent.push_back(json::serialize(body));
        }
        auto answer = http_->Post(kDvcqgApiTarget, text, headers);
        if (!answer) {
            return PortalFailure(service + ": " + answer.GetError().detail);
        }
        if (log != nullptr) {
            log->answers.push_back(KeepText(answer.Value().body, kKeptAnswerBytes));
        }
        if (answer.Value().status != 200) {
            return PortalFailure(service + ": HTTP " + std::to_string(answer.Value().status));
        }
        DvcqgAnswer parsed = ParseDvcqgAnswer(answer.Value().body);
        if (parsed.kind == DvcqgAnswerKind::kSessionExpired && attempt == 1) {
            ForgetSession(session);
            continue;
        }
        return CallAnswer{std::move(parsed), std::move(answer.Value().body)};
    }
}

Outcome<Done> DvcqgConnector::PushDossier(const services::OutboxItem& item, bool is_updating,
                                          CallLog& log) {
    const std::string key = IdempotencyKey(item, 'h');
    MOTCUA_ASSIGN_OR_RETURN(auto call, Call(PushDossierBody(item, is_updating, {}), key, &log));
    const bool switch_kind = (!is_updating && call.answer.kind == DvcqgAnswerKind::kExists) ||
                             (is_updating && call.answer.kind == DvcqgAnswerKind::kUnknownDossier);
    if (switch_kind) {
        MOTCUA_ASSIGN_OR_RETURN(call, Call(PushDossierBody(item, !is_updating, {}), key, &log));
    }
    if (call.answer.kind != DvcqgAnswerKind::kOk) {
        return PortalRefused(kDvcqgPushDossier, call.answer);
    }
    return Done{};
}

Outcome<Done> DvcqgConnector::PushStep(const services::OutboxItem& item, CallLog& log,
                                       bool& acknowledged) {
    const std::string key = IdempotencyKey(item, 's');
    MOTCUA_ASSIGN_OR_RETURN(auto call, Call(PushStepBody(item, {}), key, &log));
    if (call.answer.kind == DvcqgAnswerKind::kUnknownDossier) {
        // The portal lost or never had the dossier: give it the header, then the step again.
        MOTCUA_RETURN_IF_ERROR(PushDossier(item, false, log));
        acknowledged = true;
        MOTCUA_ASSIGN_OR_RETURN(call, Call(PushStepBody(item, {}), key, &log));
    }
    if (call.answer.kind != DvcqgAnswerKind::kOk) {
        return PortalRefused(kDvcqgPushStep, call.answer);
    }
    return Done{};
}

services::DeliveryResult DvcqgConnector::Deliver(const services::OutboxItem& item) {
    services::DeliveryResult result;
    CallLog log;
    try {
        std::optional<Error> failure;
        for (const DvcqgCall call : PlanDvcqgCalls(item.event.action, item.first_of_dossier)) {
            Outcome<Done> done = Done{};
            switch (call) {
                case DvcqgCall::kCreateDossier:
                case DvcqgCall::kUpdateDossier:
                    done = PushDossier(item, call == DvcqgCall::kUpdateDossier, log);
                    if (done) {
                        result.acknowledged = true;
                    }
                    break;
                case DvcqgCall::kPushStep:
                    done = PushStep(item, log, result.acknowledged);
                    break;
            }
            if (!done) {
                failure = done.GetError();
                break;
            }
        }
        result.status =
            failure ? services::DeliveryStatus::kFailed : services::DeliveryStatus::kDelivered;
        if (failure) {
            result.error = failure->detail;
        }
        result.sent = Join(log.sent);
        result.answer = JoinKept(log.answers, kKeptAnswersBytes);
    } catch (const std::exception& exception) {
        result.status = services::DeliveryStatus::kFailed;
        result.error = KeepText(std::string("unexpected failure: ") + exception.what());
    } catch (...) {
        result.status = services::DeliveryStatus::kFailed;
        result.error = "unexpected failure";
    }
    return result;
}

Outcome<PortalDossierPage> DvcqgConnector::PullPortalDossiers(std::int64_t after_seq) {
    try {
        MOTCUA_ASSIGN_OR_RETURN(auto call,
                                Call(ListPortalDossiersBody(after_seq, {}), {}, nullptr));
        return ParsePortalDossiers(call.body);
    } catch (const std::exception& exception) {
        return PortalFailure(std::string("LayDanhSachHoSoDVC: ") + exception.what());
    } catch (...) {
        return PortalFailure("LayDanhSachHoSoDVC: unexpected failure");
    }
}

Outcome<PortalCatalogue> DvcqgConnector::PullCatalogue() {
    try {
        PortalCatalogue catalogue;
        MOTCUA_ASSIGN_OR_RETURN(auto procedures,
                                Call(ServiceBody(kDvcqgListProcedures, {}), {}, nullptr));
        MOTCUA_ASSIGN_OR_RETURN(catalogue.procedures,
                                ParsePortalProcedures(procedures.body, catalogue.skipped));
        MOTCUA_ASSIGN_OR_RETURN(auto agencies,
                                Call(ServiceBody(kDvcqgListAgencies, {}), {}, nullptr));
        MOTCUA_ASSIGN_OR_RETURN(catalogue.agencies,
                                ParsePortalAgencies(agencies.body, catalogue.skipped));
        return catalogue;
    } catch (const std::exception& exception) {
        return PortalFailure(std::string("catalogue pull: ") + exception.what());
    } catch (...) {
        return PortalFailure("catalogue pull: unexpected failure");
    }
}

}  // namespace motcua::connectors
