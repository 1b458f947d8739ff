// Lifecycle actions per second through the service layer: each action authorises, loads the
// dossier, applies the state machine, and commits state + event + audit record durably
// (SQLite WAL, synchronous=FULL). With several threads the writer commits them in batches
// (group commit), which is what makes durable writes fast.
#include <atomic>
#include <mutex>

#include <benchmark/benchmark.h>

#include "services/dossiers/dossier_service.hpp"
#include "support/temp_sqlite_database.hpp"

namespace motcua::services {
namespace {

constexpr const char* kAgencies = R"({"agencies": [
  {"code": "H32", "name_vi": "Tỉnh", "kind": "province", "parent": null, "valid_from": "2025-07-01"},
  {"code": "H32.1", "name_vi": "Phường", "kind": "commune", "parent": "H32", "valid_from": "2025-07-01"}]})";
constexpr const char* kProcedures = R"({"fields": [{"code": "f", "name_vi": "Lĩnh vực"}],
  "procedures": [{"code": "P1", "national_code": "1.000001", "name_vi": "Thủ tục", "field": "f",
    "level": "commune", "competent_agency": null, "receiving_agency": null, "online_level": "full",
    "processing_time": {"amount": 5, "unit": "working_days"}, "fees": [], "components": [],
    "steps": [{"name_vi": "Tiếp nhận", "role": "clerk", "share_percent": 100}],
    "result": {"kind": "document", "name_vi": "Kết quả"}, "applicant_kinds": ["citizen"],
    "legal_basis": [], "version": 1, "effective_from": "2025-07-01"}]})";

struct Fixture {
    Fixture() {
        (void)catalog.Load();
        (void)catalog.ImportAgencies(domain::Actor::System("bench"), kAgencies);
        (void)catalog.ImportProcedures(domain::Actor::System("bench"), kProcedures);
        clerk.account_id = 2;
        clerk.login = "clerk";
        clerk.kind = domain::AccountKind::kOfficer;
        clerk.grants = {{domain::Role::kClerk, "H32.1"}};
    }
    /// Receives a dossier at the desk and returns its code.
    std::string Receive() {
        NewDossier request;
        request.procedure_code = "P1";
        request.agency = "H32.1";
        request.channel = domain::Channel::kDesk;
        request.applicant = {"citizen", "056095001234", "Nguyễn Văn An", "", "", ""};
        auto created = dossiers.Submit(clerk, request);
        return created ? created.Value().dossier.code : std::string{};
    }
    testing::TempSqliteDatabase database;
    SystemClock clock;
    CatalogService catalog{database.Get(), clock};
    StaticDeadlineSource deadlines;
    DossierService dossiers{database.Get(), catalog, deadlines, clock, {}};
    domain::Actor clerk;
};

Fixture& Shared() {
    static Fixture fixture;
    return fixture;
}

// Each iteration: one desk reception (a new dossier) — a durable transaction.
void BM_ReceiveAtDesk(benchmark::State& state) {
    auto& fixture = Shared();
    if (state.thread_index() == 0 && fixture.Receive().empty()) {
        state.SkipWithError("reception failed");
    }
    for ([[maybe_unused]] auto _ : state) {
        benchmark::DoNotOptimize(fixture.Receive());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReceiveAtDesk)->Threads(1)->Threads(8)->UseRealTime();

// Each iteration: one fact on an existing dossier (a digitisation-free fact: sync ack), the
// cheapest durable action — load, apply, store state + event + audit.
void BM_ActionOnDossier(benchmark::State& state) {
    auto& fixture = Shared();
    const std::string code = fixture.Receive();
    domain::ActionInput input;
    input.action = domain::DossierAction::kSyncAck;
    input.system = "dvcqg";
    const auto system = domain::Actor::System("bench");
    if (!fixture.dossiers.Act(system, code, input)) {
        state.SkipWithError("action failed");
    }
    for ([[maybe_unused]] auto _ : state) {
        benchmark::DoNotOptimize(fixture.dossiers.Act(system, code, input));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ActionOnDossier)->Threads(1)->Threads(8)->UseRealTime();

}  // namespace
}  // namespace motcua::services

BENCHMARK_MAIN();
