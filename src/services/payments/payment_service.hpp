// PaymentService: online payment of a dossier's fees (docs/payments.md §3). The applicant is
// sent to a gateway with the dossier's open payment order; the gateway's verified callback — or
// the answer to the check the outbox makes when no callback came — records the payment: the
// ledger row, the order paid and the dossier's `pay` event in one transaction, at most once
// whatever the gateway repeats. The browser's return from the gateway records nothing.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "services/payments/payment_gateway.hpp"
#include "storage/database.hpp"
#include "storage/payment_store.hpp"

namespace motcua::services {

/// The outbox message that asks a gateway about an order whose callback may be lost: kind
/// "payment_check", payload {"reference": "MC12N1"}, routed to the gateway's connector name.
inline constexpr std::string_view kPaymentCheckMessage = "payment_check";

struct PaymentOptions {
    /// How long after the citizen is sent to the gateway its order is first checked.
    std::chrono::seconds check_after{15 * 60};
    /// The portal's address as citizens reach it (public_base_url); empty: the address the
    /// applicant's request came to. The gateways send the browser back under it.
    std::string public_base_url;
};

/// An applicant's request to pay online.
struct OnlineStart {
    std::string gateway;  // "vnpay", "payment_platform".
    std::string locale;   // "vn" (default) or "en".
    std::string ip;       // The applicant's address.
    std::string site;     // "http://host:port" the request came to (when no public_base_url).
};

/// What the applicant's browser is sent to.
struct OnlinePayment {
    storage::PaymentOrder order;
    std::string pay_url;
};

/// A dossier's orders and ledger rows.
struct DossierPayments {
    std::vector<storage::PaymentOrder> orders;
    std::vector<storage::LedgerEntry> entries;
};

/// What checking an order with its gateway found.
enum class OrderCheck {
    kRecorded,  // Paid: recorded now or before.
    kClosed,    // Failed or no longer open: nothing to wait for.
    kPending,   // Not settled yet: ask again later.
};

class PaymentService {
public:
    PaymentService(storage::Database& database, CatalogService& catalog, DossierService& dossiers,
                   const Clock& clock, PaymentOptions options = {});

    /// Makes `gateway` available (kept by the caller for the service's lifetime).
    void AddGateway(PaymentGateway& gateway);
    /// The names of the gateways, sorted.
    std::vector<std::string> GatewayNames() const;
    /// The gateway named `name`; nullptr when it is not offered.
    PaymentGateway* FindGateway(std::string_view name) const;

    /// Sends the dossier's applicant to a gateway to pay what it still owes: an order of its own
    /// for each attempt (a new reference), the earlier open ones cancelled.
    Outcome<OnlinePayment> StartOnline(const domain::Actor& actor, const std::string& code,
                                       const OnlineStart& start);
    /// A gateway's callback: read, verified and recorded at most once. Never fails: every
    /// outcome is one of the gateway's documented answers.
    CallbackAnswer HandleCallback(std::string_view gateway, const CallbackRequest& request);
    /// Asks the order's gateway about it and records a payment it confirms (the outbox's
    /// payment_check; also the operators' command).
    Outcome<OrderCheck> CheckOrder(std::string_view gateway, const std::string& reference);
    /// The dossier's orders and ledger rows, for whoever may read the dossier.
    Outcome<DossierPayments> ListOfDossier(const domain::Actor& actor, const std::string& code);

    /// The code of the dossier of the order with `reference`; empty when there is none (where
    /// the citizen's browser goes back to; nothing is recorded).
    std::string DossierOfReference(const std::string& reference);

    /// Records what `gateway` verified about an order; the reply to give the gateway.
    CallbackReply Record(const PaymentGateway& gateway, const GatewayPayment& payment);

private:
    GatewayOrder ToGatewayOrder(const storage::PaymentOrder& order, const domain::Dossier& dossier,
                                const std::string& locale, const std::string& ip) const;
    Outcome<storage::PaymentOrder> SendOrder(const domain::Dossier& dossier,
                                             const std::string& gateway,
                                             const std::string& opened_by);

    storage::Database& database_;
    CatalogService& catalog_;
    DossierService& dossiers_;
    const Clock& clock_;
    PaymentOptions options_;
    std::map<std::string, PaymentGateway*, std::less<>> gateways_;
};

}  // namespace motcua::services
