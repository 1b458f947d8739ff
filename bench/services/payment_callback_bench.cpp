// Gateway callbacks verified and recorded per second (issue 15's target: ≥ 2,000/s on SQLite).
// Each callback is a VNPay IPN query string signed with HMAC-SHA512, handed to the payment
// service as the HTTP handler hands it: the connector parses it and checks the signature, then
// one durable transaction (SQLite WAL, synchronous=FULL) locks the dossier and its order, writes
// the ledger row, marks the order paid, applies the dossier's `pay` event with its indicator
// counters and outbox rows, and appends the audit record. Then the same callbacks again: each a
// duplicate, answered 02 from the ledger without a write.
//
//   payment_callback_bench [--orders N] [--threads T]
//
// The orders are prepared first through the services (desk reception, forward to the cashier's
// step, request_payment, sent to VNPay); only the callbacks are timed.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include "connectors/vnpay/vnpay_gateway.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "services/payments/payment_orders.hpp"
#include "services/payments/payment_service.hpp"
#include "support/temp_sqlite_database.hpp"

namespace motcua {
namespace {

constexpr const char* kAgencies = R"({"agencies": [
  {"code": "H32", "name_vi": "Tỉnh", "kind": "province", "parent": null, "valid_from": "2025-07-01"},
  {"code": "H32.1", "name_vi": "Phường", "kind": "commune", "parent": "H32", "valid_from": "2025-07-01"}]})";
constexpr const char* kProcedures = R"({"fields": [{"code": "f", "name_vi": "Lĩnh vực"}],
  "procedures": [{"code": "P1", "national_code": "1.000001", "name_vi": "Thủ tục", "field": "f",
    "level": "commune", "competent_agency": null, "receiving_agency": null, "online_level": "full",
    "processing_time": {"amount": 5, "unit": "working_days"},
    "fees": [{"kind": "fee", "name_vi": "Lệ phí", "amount_vnd": 10000}], "components": [],
    "steps": [{"name_vi": "Tiếp nhận", "role": "clerk", "share_percent": 50},
              {"name_vi": "Thu lệ phí", "role": "cashier", "share_percent": 50}],
    "result": {"kind": "document", "name_vi": "Kết quả"}, "applicant_kinds": ["citizen"],
    "legal_basis": [], "version": 1, "effective_from": "2025-07-01"}]})";
constexpr const char* kTmnCode = "BENCH001";
constexpr const char* kSecret = "bench-vnpay-secret";
constexpr std::int64_t kAmount = 10000;

domain::Actor Officer(std::int64_t id, const char* login, domain::Role role) {
    domain::Actor actor;
    actor.account_id = id;
    actor.login = login;
    actor.kind = domain::AccountKind::kOfficer;
    actor.grants = {{role, "H32.1"}};
    return actor;
}

struct Bench {
    testing::TempSqliteDatabase database;
    SystemClock clock;
    services::CatalogService catalog{database.Get(), clock};
    services::StaticDeadlineSource deadlines;
    services::DossierService dossiers{database.Get(), catalog, deadlines, clock, {}};
    services::PaymentService payments{database.Get(), catalog, dossiers, clock};
    std::unique_ptr<connectors::VnpayGateway> vnpay;
    domain::Actor clerk = Officer(2, "clerk", domain::Role::kClerk);
    domain::Actor cashier = Officer(3, "cashier", domain::Role::kCashier);

    bool SetUp() {
        connectors::VnpayGatewayOptions options;
        options.merchant = {kTmnCode, kSecret, "http://127.0.0.1:9", ""};
        auto created = connectors::VnpayGateway::Create(options, clock);
        if (!created || !catalog.Load() ||
            !catalog.ImportAgencies(domain::Actor::System("bench"), kAgencies) ||
            !catalog.ImportProcedures(domain::Actor::System("bench"), kProcedures)) {
            return false;
        }
        vnpay = std::move(created).Value();
        payments.AddGateway(*vnpay);
        return true;
    }

    /// A dossier awaiting payment whose order was sent to VNPay; returns the order's reference.
    std::string PrepareOrder() {
        services::NewDossier request;
        request.procedure_code = "P1";
        request.agency = "H32.1";
        request.channel = domain::Channel::kDesk;
        request.applicant = {"citizen", "056095001234", "Nguyễn Văn An", "", "", ""};
        auto created = dossiers.Submit(clerk, request);
        if (!created) {
            return {};
        }
        const std::string code = created.Value().dossier.code;
        domain::ActionInput forward;
        forward.action = domain::DossierAction::kForward;
        domain::ActionInput request_payment;
        request_payment.action = domain::DossierAction::kRequestPayment;
        if (!dossiers.Act(clerk, code, forward) || !dossiers.Act(cashier, code, request_payment)) {
            return {};
        }
        std::string reference;
        // What StartOnline does for the applicant: an order of its own sent to VNPay.
        (void)database.Get().Write([&](storage::Transaction& transaction) -> Outcome<Done> {
            MOTCUA_ASSIGN_OR_RETURN(const auto held, transaction.Dossiers().FindByCode(code));
            const auto* procedure = catalog.GetSnapshot()->FindProcedure("P1");
            if (!held || procedure == nullptr) {
                return MakeError(ErrorKind::kConflict, "procedure_missing");
            }
            MOTCUA_ASSIGN_OR_RETURN(const auto sent,
                                    services::OpenPaymentOrder(transaction, *held, *procedure,
                                                               clock.Now(), "bench", "vnpay"));
            reference = sent.reference;
            return Done{};
        });
        return reference;
    }
};

std::string SignedIpn(const std::string& reference, std::size_t number) {
    const connectors::VnpayParams params = {
        {"vnp_Amount", std::to_string(kAmount * 100)},
        {"vnp_BankCode", "NCB"},
        {"vnp_OrderInfo", "Nộp lệ phí hồ sơ (*)~'"},
        {"vnp_PayDate", "20261204101500"},
        {"vnp_ResponseCode", "00"},
        {"vnp_TmnCode", kTmnCode},
        {"vnp_TransactionNo", std::to_string(14'000'000 + number)},
        {"vnp_TransactionStatus", "00"},
        {"vnp_TxnRef", reference},
    };
    return connectors::VnpaySignedQuery(params, kSecret);
}

/// Fires every callback from `threads` threads; returns callbacks per second, or -1 when an
/// answer is not `expected`.
double Fire(Bench& bench, const std::vector<std::string>& callbacks, int threads,
            const std::string& expected) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> wrong{false};
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads));
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&] {
            for (std::size_t i = next++; i < callbacks.size(); i = next++) {
                const auto answer = bench.payments.HandleCallback("vnpay", {callbacks[i], ""});
                if (answer.body.find(expected) == std::string::npos) {
                    wrong = true;
                }
            }
        });
    }
    for (auto& thread : pool) {
        thread.join();
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    return wrong ? -1 : static_cast<double>(callbacks.size()) / took.count();
}

int Run(int orders, int threads) {
    Bench bench;
    if (!bench.SetUp()) {
        std::fprintf(stderr, "set-up failed\n");
        return 1;
    }
    std::vector<std::string> callbacks;
    const auto prepared = std::chrono::steady_clock::now();
    for (int i = 0; i < orders; ++i) {
        const std::string reference = bench.PrepareOrder();
        if (reference.empty()) {
            std::fprintf(stderr, "preparing order %d failed\n", i);
            return 1;
        }
        callbacks.push_back(SignedIpn(reference, static_cast<std::size_t>(i)));
    }
    const std::chrono::duration<double> preparing = std::chrono::steady_clock::now() - prepared;
    std::printf("%d orders prepared in %.1f s\n", orders, preparing.count());
    const double recorded = Fire(bench, callbacks, threads, R"("RspCode":"00")");
    const double repeated = Fire(bench, callbacks, threads, R"("RspCode":"02")");
    if (recorded < 0 || repeated < 0) {
        std::fprintf(stderr, "an answer was not the expected one\n");
        return 1;
    }
    std::printf("| callbacks | threads | per second |\n|---|---|---|\n");
    std::printf("| verified and recorded (00) | %d | %.0f |\n", threads, recorded);
    std::printf("| repeated, refused from the ledger (02) | %d | %.0f |\n", threads, repeated);
    return 0;
}

}  // namespace
}  // namespace motcua

int main(int argc, char** argv) try {
    int orders = 5000;
    int threads = 8;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--orders") == 0) {
            orders = std::atoi(argv[i + 1]);
        } else if (std::strcmp(argv[i], "--threads") == 0) {
            threads = std::atoi(argv[i + 1]);
        }
    }
    if (orders < 1 || threads < 1) {
        std::fprintf(stderr, "usage: payment_callback_bench [--orders N] [--threads T]\n");
        return 2;
    }
    return motcua::Run(orders, threads);
} catch (const std::exception& failure) {
    std::fprintf(stderr, "payment_callback_bench: %s\n", failure.what());
    return 1;
}
