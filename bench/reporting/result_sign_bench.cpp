// Electronic results (docs/e-results.md): how many results are laid out and signed per second
// (RenderResultPdf + SignPdf with an RSA-2048 agency key of the demo CA; target ≥ 200/s on this
// machine), and how many signed files are checked per second (VerifyPdf against the trusted CA,
// what POST /api/v1/results/{id}/verification and `motcua verify` do). Threads 1 and 2: the
// machine has 2 cores and a server signs on its handler threads.
#include <chrono>
#include <filesystem>

#include <benchmark/benchmark.h>

#include "reporting/render/result_pdf.hpp"
#include "signing/key_store.hpp"
#include "signing/pades.hpp"

namespace {

namespace fs = std::filesystem;
using motcua::reporting::render::RenderResultPdf;
using motcua::reporting::render::ResultPrint;

struct Fixture {
    fs::path root = fs::temp_directory_path() / "motcua-result-bench";
    motcua::signing::KeyStore store{root};
    motcua::signing::CurrentKey key;
    std::vector<motcua::signing::CertPtr> trusted;
    std::string signed_pdf;

    Fixture() {
        fs::remove_all(root);
        const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count();
        (void)store.CreateDemoAuthority("MotCua demo CA", now);
        (void)store.Create("H32.22333", "Ủy ban nhân dân phường Bắc Nha Trang", now);
        key = std::move(store.Current("H32.22333").Value());
        trusted = std::move(store.Trusted().Value());
        signed_pdf = Sign(0);
    }
    ~Fixture() { fs::remove_all(root); }

    static ResultPrint Print(int n) {
        return {.agency_name = "Ủy ban nhân dân phường Bắc Nha Trang",
                .agency_code = "H32.22333",
                .number = "H32.22333.01-261207-" + std::to_string(1000 + n) + "/KQĐT",
                .title = "Giấy khai sinh (bản chính) và trích lục khai sinh",
                .procedure_name = "Đăng ký khai sinh",
                .procedure_code = "1.001193.000.00.00.H32",
                .dossier_code = "H32.22333.01-261207-" + std::to_string(1000 + n),
                .holder_name = "Nguyễn Thị Hường",
                .holder_id_number = "056095001234",
                .holder_address = "12 Lê Lợi, phường Bắc Nha Trang, tỉnh Khánh Hòa",
                .received_at = "2026-12-07T08:05:00+07:00",
                .issued_at = "2026-12-07T16:30:00+07:00",
                .signer_name = "Ủy ban nhân dân phường Bắc Nha Trang",
                .verification_url =
                    "https://dichvucong.khanhhoa.gov.vn/xac-minh/"
                    "pb4ygfaj24mcytp2k2jqtgrqdi",
                .verification_id = "pb4ygfaj24mcytp2k2jqtgrqdi"};
    }

    std::string Sign(int n) const {
        auto rendered = RenderResultPdf(Print(n));
        const auto& rect = rendered.Value().signature_rect;
        auto out = motcua::signing::SignPdf(rendered.Value().pdf, key.key,
                                            {.signer_name = "Ủy ban nhân dân phường Bắc Nha Trang",
                                             .reason = "Kết quả giải quyết thủ tục hành chính",
                                             .location = "Việt Nam",
                                             .signing_time = 1796631000,
                                             .rect = {rect[0], rect[1], rect[2], rect[3]}});
        return std::move(out.Value());
    }
};

Fixture& Shared() {
    static Fixture fixture;
    return fixture;
}

void BM_RenderResult(benchmark::State& state) {
    int n = 0;
    for ([[maybe_unused]] auto _ : state) {
        benchmark::DoNotOptimize(RenderResultPdf(Fixture::Print(++n)));
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_RenderAndSignResult(benchmark::State& state) {
    const Fixture& fixture = Shared();
    int n = 0;
    for ([[maybe_unused]] auto _ : state) {
        benchmark::DoNotOptimize(fixture.Sign(++n));
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["bytes"] = static_cast<double>(fixture.signed_pdf.size());
}

void BM_VerifySignedResult(benchmark::State& state) {
    const Fixture& fixture = Shared();
    std::vector<X509*> anchors;
    anchors.reserve(fixture.trusted.size());
    for (const auto& certificate : fixture.trusted) {
        anchors.push_back(certificate.get());
    }
    for ([[maybe_unused]] auto _ : state) {
        const auto check = motcua::signing::VerifyPdf(fixture.signed_pdf, anchors);
        if (!check.valid) {
            state.SkipWithError("the signed result did not verify");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_RenderResult)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(BM_RenderAndSignResult)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(BM_VerifySignedResult)->Threads(1)->Threads(2)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
    Shared();  // Keys made before any timing.
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
