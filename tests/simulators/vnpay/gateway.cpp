// The IPN calls are made outside the state's lock. A synchronous scenario holds the listener
// thread of the browser's (or the test's) request while the merchant answers, as the merchant's
// IPN handler runs before VNPay redirects; after_return's call runs on a background thread.
#include "simulators/vnpay/gateway.hpp"

#include <boost/json.hpp>

#include "connectors/vnpay/vnpay_protocol.hpp"
#include "simulators/common/html_text.hpp"
#include "simulators/common/http_call.hpp"
#include "simulators/common/json_body.hpp"
#include "simulators/vnpay/pages.hpp"

namespace motcua::sim::vnpay {
namespace {

namespace json = boost::json;
using connectors::VnpayParams;

constexpr auto kAfterReturnDelay = std::chrono::milliseconds(300);
constexpr int kRepeatedCalls = 3;
constexpr std::size_t kKeptAnswerBytes = 4096;

std::string WithQuery(const std::string& url, const std::string& query) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + query;
}

// First value of `key`; nullopt if absent or given twice (`repeated` set then).
std::optional<std::string> Single(const VnpayParams& params, std::string_view key, bool& repeated) {
    std::optional<std::string> value;
    for (const auto& [name, text] : params) {
        if (name == key) {
            repeated = repeated || value.has_value();
            value = text;
        }
    }
    return value;
}

// Sleeps `duration` unless a stop is requested first; false then.
bool Pause(std::chrono::milliseconds duration, const std::stop_token& stop) {
    const auto until = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < until) {
        if (stop.stop_requested()) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return !stop.stop_requested();
}

std::string RspCode(std::string_view body) {
    const auto object = ParseObject(body);
    if (!object) {
        return {};
    }
    const json::value* code = object->if_contains("RspCode");
    return code != nullptr && code->is_string() ? std::string(code->get_string()) : std::string();
}

// The pay URL's fields checked (README.md); the first problem, or nullopt.
std::optional<std::string> BadField(const VnpayParams& params, connectors::VnpayPayRequest& out) {
    bool repeated = false;
    const auto get = [&](std::string_view key) {
        return Single(params, key, repeated).value_or("");
    };
    if (get("vnp_Version") != connectors::kVnpayVersion) {
        return "vnp_Version phải là 2.1.0 (must be 2.1.0)";
    }
    if (get("vnp_Command") != "pay") {
        return "vnp_Command phải là pay (must be pay)";
    }
    if (get("vnp_CurrCode") != "VND") {
        return "vnp_CurrCode phải là VND (must be VND)";
    }
    const auto amount = connectors::VnpayAmountVnd(get("vnp_Amount"));
    if (!amount || *amount <= 0) {
        return "vnp_Amount: số nguyên dương, bội của 100 (a positive multiple of 100)";
    }
    out = {.txn_ref = get("vnp_TxnRef"),
           .amount_vnd = *amount,
           .order_info = get("vnp_OrderInfo"),
           .order_type = get("vnp_OrderType"),
           .locale = get("vnp_Locale"),
           .return_url = get("vnp_ReturnUrl"),
           .ip_addr = get("vnp_IpAddr"),
           .create_date = get("vnp_CreateDate"),
           .expire_date = get("vnp_ExpireDate"),
           .bank_code = get("vnp_BankCode")};
    if (out.txn_ref.empty() || out.txn_ref.size() > 100) {
        return "vnp_TxnRef: 1–100 ký tự (1–100 characters)";
    }
    if (out.order_info.empty() || out.order_info.size() > 255) {
        return "vnp_OrderInfo: 1–255 byte (1–255 bytes)";
    }
    if (out.order_type.empty()) {
        return "vnp_OrderType: thiếu (missing)";
    }
    if (out.locale != "vn" && out.locale != "en") {
        return "vnp_Locale: vn | en";
    }
    if (!out.return_url.starts_with("http://") && !out.return_url.starts_with("https://")) {
        return "vnp_ReturnUrl: phải là http(s):// (must be an http(s) URL)";
    }
    if (out.ip_addr.empty()) {
        return "vnp_IpAddr: thiếu (missing)";
    }
    if (!connectors::IsVnpayDate(out.create_date)) {
        return "vnp_CreateDate: yyyyMMddHHmmss";
    }
    if (!out.expire_date.empty() && !connectors::IsVnpayDate(out.expire_date)) {
        return "vnp_ExpireDate: yyyyMMddHHmmss";
    }
    if (repeated) {
        return "tham số lặp lại (a parameter given twice)";
    }
    return std::nullopt;
}

SimReply Redirect(const std::string& location) {
    SimReply reply;
    reply.status = 303;
    reply.location = location;
    reply.content_type = "text/html; charset=utf-8";
    reply.body =
        "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>VNPay</title>"
        "<p><a href=\"" +
        EscapeHtml(location) + "\">Quay lại đơn vị (back to the merchant)</a></p></html>";
    return reply;
}

}  // namespace

std::string NowVnpay() {
    return connectors::VnpayDate(
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

Gateway::Gateway(GatewayOptions options, GatewayState& state)
    : options_(std::move(options)), state_(state) {}

Gateway::~Gateway() {
    std::lock_guard lock(background_mutex_);
    background_.clear();  // Each jthread is asked to stop, then joined.
}

SimReply Gateway::PayPage(const SimRequest& request) {
    const auto refuse = [this](std::string_view code, std::string_view detail) {
        state_.Count(counter::kPayErrors);
        return ErrorPage(code, detail);
    };
    const auto params = connectors::ParseVnpayQuery(request.query);
    if (!params) {
        return refuse(page_error::kBadData, "Không đọc được tham số (undecodable query)");
    }
    bool repeated = false;
    if (Single(*params, "vnp_TmnCode", repeated).value_or("") != options_.tmn_code) {
        return refuse(page_error::kUnknownMerchant,
                      "Website này chưa được phê duyệt: sai vnp_TmnCode (unknown vnp_TmnCode)");
    }
    if (!connectors::VnpayVerify(*params, options_.hash_secret).signature_ok) {
        return refuse(page_error::kBadSignature, "Sai chữ ký (invalid vnp_SecureHash)");
    }
    Transaction transaction;
    transaction.tmn_code = options_.tmn_code;
    if (auto bad = BadField(*params, transaction.request)) {
        return refuse(page_error::kBadData, "Dữ liệu không đúng định dạng (invalid data): " + *bad);
    }
    if (!transaction.request.expire_date.empty() && transaction.request.expire_date < NowVnpay()) {
        return refuse(page_error::kExpired,
                      "Giao dịch đã quá thời gian chờ thanh toán (vnp_ExpireDate has passed)");
    }
    if (!state_.Open(transaction)) {
        return refuse(page_error::kOrderExists,
                      "Đơn hàng đã tồn tại hoặc đã được xử lý (order already exists)");
    }
    state_.Count(counter::kPayPages);
    return PaymentPage(transaction);
}

SimReply Gateway::Pay(const SimRequest& request) {
    const auto form = connectors::ParseVnpayQuery(request.body);
    bool repeated = false;
    const auto txn_ref = form ? Single(*form, "vnp_TxnRef", repeated) : std::nullopt;
    const auto outcome =
        form ? ParseOutcome(Single(*form, "outcome", repeated).value_or("")) : std::nullopt;
    if (!txn_ref || !outcome || repeated) {
        return ErrorPage(page_error::kBadData, "Thiếu vnp_TxnRef hoặc outcome (missing fields)");
    }
    Settlement settled = Settle(*txn_ref, *outcome, std::nullopt);
    if (settled.status == 404) {
        return ErrorPage(page_error::kNotFound, "Không tìm thấy giao dịch (no such transaction)");
    }
    if (settled.status != 200) {
        return ErrorPage(page_error::kOrderExists,
                         "Giao dịch đã được xử lý (transaction already processed)");
    }
    return Redirect(settled.return_url);
}

void Gateway::Decide(Transaction& transaction, Outcome outcome, const std::string& now,
                     std::int64_t number) const {
    const auto& expire = transaction.request.expire_date;
    if (!expire.empty() && expire < now) {
        outcome = Outcome::kTimeout;  // Too late, whatever was clicked.
    }
    if (transaction.request.bank_code.empty()) {
        transaction.request.bank_code = "NCB";  // The bank the citizen chose at VNPay.
    }
    transaction.pay_date = now;
    transaction.transaction_status = "02";
    transaction.status = "failed";
    transaction.transaction_no = "0";
    transaction.bank_tran_no.clear();
    transaction.card_type.clear();
    switch (outcome) {
        case Outcome::kSuccess:
            transaction.response_code = "00";
            transaction.transaction_status = "00";
            transaction.status = "paid";
            transaction.transaction_no = std::to_string(number);
            transaction.bank_tran_no = "VNP" + std::to_string(number);
            transaction.card_type = "ATM";
            break;
        case Outcome::kInsufficient:
            transaction.response_code = "51";
            transaction.transaction_no = std::to_string(number);
            transaction.card_type = "ATM";
            break;
        case Outcome::kCancel:
            transaction.response_code = "24";
            break;
        case Outcome::kTimeout:
            transaction.response_code = "11";
            break;
    }
}

Settlement Gateway::Settle(const std::string& txn_ref, Outcome outcome,
                           std::optional<Scenario> scenario) {
    const std::string now = NowVnpay();
    const std::int64_t number = state_.NextTransactionNo();
    bool settled_now = false;
    auto settled = state_.Settle(options_.tmn_code, txn_ref, [&](Transaction& transaction) {
        Decide(transaction, outcome, now, number);
        settled_now = true;
    });
    if (!settled) {
        return {.status = 404, .error = "no transaction " + txn_ref};
    }
    if (!settled_now) {
        return {.status = 409, .error = "already settled: " + txn_ref, .transaction = settled};
    }
    const std::string query =
        connectors::VnpaySignedQuery(ResultParams(*settled), options_.hash_secret);
    Settlement result{.transaction = settled,
                      .return_url = WithQuery(settled->request.return_url, query)};
    const std::uint64_t generation = state_.Generation();
    const Scenario chosen = scenario.value_or(state_.Merchant().Scenario());
    const std::stop_token never;
    switch (chosen) {
        case Scenario::kNormal:
        case Scenario::kBeforeReturn:
            DeliverIpn(generation, *settled, query, "ipn", "none", options_.ipn_retries, never);
            break;
        case Scenario::kRepeated:
            for (int call = 0; call < kRepeatedCalls; ++call) {
                DeliverIpn(generation, *settled, query, "ipn", "none", options_.ipn_retries, never);
            }
            break;
        case Scenario::kLost:
            break;
        case Scenario::kAfterReturn: {
            std::lock_guard lock(background_mutex_);
            background_.emplace_back(
                [this, generation, transaction = *settled, query](const std::stop_token& stop) {
                    if (Pause(kAfterReturnDelay, stop)) {
                        DeliverIpn(generation, transaction, query, "ipn", "none",
                                   options_.ipn_retries, stop);
                    }
                });
            break;
        }
    }
    result.transaction = state_.Find(options_.tmn_code, txn_ref);
    return result;
}

std::optional<IpnAttempt> Gateway::DeliverIpn(std::uint64_t generation,
                                              const Transaction& transaction,
                                              const std::string& query, const std::string& kind,
                                              const std::string& tamper, int retries,
                                              const std::stop_token& stop) {
    const std::string ipn_url = state_.Merchant().Url();
    if (ipn_url.empty()) {
        state_.Count(counter::kIpnSkipped);
        return std::nullopt;
    }
    const std::string url = WithQuery(ipn_url, query);
    IpnAttempt attempt;
    for (int call = 0; call <= retries; ++call) {
        if (call > 0 && !Pause(std::chrono::milliseconds(options_.ipn_retry_ms), stop)) {
            return attempt;
        }
        const HttpCallResult answer =
            CallHttp("GET", url, "", "", std::chrono::milliseconds(options_.ipn_timeout_ms));
        attempt = IpnAttempt{.kind = kind,
                             .tamper = tamper,
                             .at = NowVnpay(),
                             .status = answer.status,
                             .body = answer.body.substr(0, kKeptAnswerBytes),
                             .error = answer.error,
                             .rsp_code = RspCode(answer.body)};
        attempt.confirmed = answer.status == 200 && answer.error.empty() &&
                            (attempt.rsp_code == "00" || attempt.rsp_code == "02");
        state_.RecordIpn(generation, transaction.tmn_code, transaction.request.txn_ref, attempt);
        if (attempt.confirmed) {
            state_.Count(counter::kIpnConfirmed);
            return attempt;
        }
    }
    state_.Count(counter::kIpnGaveUp);
    return attempt;
}

}  // namespace motcua::sim::vnpay
