// DvcqgConnector: MotCua's link with the national public-service portal (DVCQG), speaking the
// protocol of docs/dvcqg.md. Deliver pushes one outbox item — the dossier header and its
// processing step, in the order of §3.3 — and the pulls read the portal's catalogue and the
// dossiers submitted on it (§3.4). One instance serves every dispatcher thread: the session
// token is shared, and renewed once when the portal says it expired.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "common/outcome.hpp"
#include "connectors/dvcqg/dvcqg_pulls.hpp"
#include "connectors/http/http_client.hpp"
#include "services/outbox/connector.hpp"
#include "services/portal/national_portal.hpp"

namespace motcua::connectors {

struct DvcqgOptions {
    HttpClientOptions http;  // base_url: the portal's root, where /auth and /api live.
    std::string username;
    std::string password;
    std::string unit_code;  // madonvi: the province's unit code at the portal.
};

class DvcqgConnector final : public services::Connector, public services::NationalPortal {
public:
    /// Prepares the HTTP client (fails on a bad base URL or CA file); connects lazily.
    static Outcome<std::unique_ptr<DvcqgConnector>> Create(DvcqgOptions options);
    ~DvcqgConnector() override;

    /// "dvcqg".
    std::string_view Name() const override;
    /// Every action except sync_ack (the portal's own acknowledgement).
    bool Wants(domain::DossierAction action) const override;
    /// Makes the calls of docs/dvcqg.md §3.3 for the item, each with the Idempotency-Key
    /// dvcqg-<id>-h (header) or -s (step); a create of a dossier the portal has is repeated as
    /// an update, an update of one it lacks as a create, and a step for one it lacks is sent
    /// again after the header. Delivered only when every call succeeded; `acknowledged` once a
    /// header push succeeded. `sent` holds the bodies with the session token masked. Never throws.
    services::DeliveryResult Deliver(const services::OutboxItem& item) override;

    /// Reads at most 100 dossiers submitted on the portal after sequence number `after_seq`.
    Outcome<PortalDossierPage> PullPortalDossiers(std::int64_t after_seq) override;
    /// Reads the national procedure catalogue and the agency list.
    Outcome<PortalCatalogue> PullCatalogue() override;

private:
    struct CallLog;
    struct CallAnswer;

    DvcqgConnector(DvcqgOptions options, std::unique_ptr<HttpClient> http);

    /// Returns the current session token, signing in when there is none.
    Outcome<std::string> Session();
    /// Forgets `stale` unless another thread already replaced it.
    void ForgetSession(const std::string& stale);
    /// Makes one service call with the session, signing in again once on "-9".
    Outcome<CallAnswer> Call(const boost::json::object& body, std::string_view idempotency_key,
                             CallLog* log);
    /// DongBoHoSoMC, switching to an update (or a create) when the portal says so.
    Outcome<Done> PushDossier(const services::OutboxItem& item, bool is_updating, CallLog& log);
    /// CapNhatTienDoHoSoMC; pushes the header first when the portal lacks the dossier.
    Outcome<Done> PushStep(const services::OutboxItem& item, CallLog& log, bool& acknowledged);

    DvcqgOptions options_;
    std::unique_ptr<HttpClient> http_;
    std::mutex session_mutex_;  // Held while signing in: one sign-in at a time.
    std::string session_;
};

}  // namespace motcua::connectors
