// PaymentGateway: the port through which the payment service sends a citizen to an online
// payment gateway and hears back from it (docs/payments.md §3). Implementations live in
// src/connectors/<gateway>/ (VNPay, the national payment platform) and are named only by the
// composition root (app/). A gateway never touches the database: it builds pay URLs, reads and
// verifies the gateway's callbacks, words the answers the gateway expects, and asks the gateway
// about one order; the payment service decides what is recorded.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"

namespace motcua::services {

/// One line of what an order asks for, as a receipt shows it.
struct GatewayOrderItem {
    std::string kind;  // "fee" (lệ phí) or "charge" (phí).
    std::string code;
    std::string name;
    std::int64_t amount_vnd = 0;
};

/// A payment order as a gateway is told about it.
struct GatewayOrder {
    std::string reference;  // vnp_TxnRef, MaThamChieu.
    std::int64_t amount_vnd = 0;
    std::string info;        // Shown to the citizen at the gateway (Vietnamese).
    Instant created_at;      // When it was sent to the gateway (its transaction date).
    std::string ip;          // The citizen's address.
    std::string locale;      // "vn" or "en".
    std::string return_url;  // Where the gateway sends the citizen's browser back.
    std::string dossier_code;
    std::string procedure_code;
    std::string procedure_name;
    std::string agency_code;
    std::string agency_name;
    std::string payer_name;
    std::string payer_id_number;
    std::vector<GatewayOrderItem> items;
};

/// What a gateway says about one transaction, once its signature has been checked.
struct GatewayPayment {
    enum class Status {
        kPaid,     // Settled: the money was taken.
        kFailed,   // Cancelled, refused, timed out: nothing was taken.
        kPending,  // Not settled yet (a query only).
    };
    Status status = Status::kPending;
    std::string reference;
    std::int64_t amount_vnd = 0;
    std::string transaction_no;  // The gateway's id of the transaction.
    std::string result_code;     // The gateway's own code (vnp_ResponseCode, MaLoi).
};

/// One transaction the gateway settled as paid on a day, as its reconciliation report lists it
/// (the report's signature checked; failed transactions left out).
struct GatewayTransaction {
    std::string reference;
    std::string transaction_no;
    std::int64_t amount_vnd = 0;
    std::string paid_at;  // As the gateway writes it (yyyyMMddHHmmss, GMT+7).
};

/// A callback (VNPay's IPN, the platform's confirm) as the gateway's connector read it.
struct GatewayCallback {
    enum class Check {
        kVerified,      // Signed by the gateway, for this merchant, well formed.
        kBadSignature,  // The signature is missing or wrong.
        kMalformed,     // A field is missing or wrong, or another merchant's.
    };
    Check check = Check::kMalformed;
    GatewayPayment payment;  // Meaningful when verified.
    std::string detail;      // Why not, for the log (one line).
};

/// The answer to a callback, in the payment service's words; the connector words it for the
/// gateway (VNPay's RspCode, the platform's error_code).
enum class CallbackReply {
    kRecorded,         // Recorded now (a failed payment: acknowledged, nothing recorded).
    kAlreadyRecorded,  // Recorded before: a repeated or replayed callback.
    kUnknownOrder,     // No order with that reference.
    kAmountMismatch,   // The amount is not the order's.
    kBadSignature,
    kMalformed,
    kRetryLater,  // Could not be recorded now (the database): the gateway should call again.
};

/// A callback's HTTP request as received: the query string (VNPay's IPN is a GET) and the body.
struct CallbackRequest {
    std::string_view query;
    std::string_view body;
};

/// A gateway's HTTP answer to give back.
struct CallbackAnswer {
    std::string content_type = "application/json";
    std::string body;
};

class PaymentGateway {
public:
    virtual ~PaymentGateway() = default;
    /// "vnpay" or "payment_platform": the ledger's channel and the configuration's prefix.
    virtual std::string_view Name() const = 0;
    /// The URL to send the citizen's browser to. May call the gateway (the platform's INIT);
    /// kUnavailable when it cannot be reached.
    virtual Outcome<std::string> Start(const GatewayOrder& order) = 0;
    /// Reads and verifies a callback. Pure: no network.
    virtual GatewayCallback ReadCallback(const CallbackRequest& request) const = 0;
    /// The answer the gateway expects for `reply`.
    virtual CallbackAnswer Answer(CallbackReply reply) const = 0;
    /// Asks the gateway about the order (the polling job); the answer's signature is checked.
    virtual Outcome<GatewayPayment> Query(const GatewayOrder& order) = 0;
    /// The transactions the gateway settled as paid on `day` (YYYY-MM-DD, in Vietnam), for the
    /// reconciliation; kUnavailable when the gateway cannot be reached or its answer is not
    /// signed.
    virtual Outcome<std::vector<GatewayTransaction>> Report(const std::string& day) = 0;
};

}  // namespace motcua::services
