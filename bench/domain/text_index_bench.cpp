// Benchmarks TextIndex over 10,000 synthetic Vietnamese procedure names (name, summary, code),
// the size of a province's full catalogue: build time, a 4-word phrase, a 1-word query, a prefix
// query and an accented query. Each query's answer is checked once before timing.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "domain/search/text_index.hpp"
#include "domain/search/vietnamese_text.hpp"

namespace motcua::domain::search {
namespace {

constexpr std::size_t kDocuments = 10'000;

struct Procedure {
    std::string name;
    std::string summary;
    std::string code;
};

// Deterministic synthetic catalogue: action × object × qualifier, plus the exact
// "Đăng ký khai sinh" at a known, non-first position.
std::vector<Procedure> MakeCatalogue(std::size_t count, std::size_t* exact_position) {
    const std::vector<std::string> actions = {"Đăng ký",    "Cấp",       "Cấp lại",     "Cấp đổi",
                                              "Điều chỉnh", "Gia hạn",   "Thu hồi",     "Xác nhận",
                                              "Chứng thực", "Thay đổi",  "Hủy bỏ",      "Công nhận",
                                              "Phê duyệt",  "Thẩm định", "Đăng ký lại", "Sửa đổi"};
    const std::vector<std::string> objects = {"khai sinh",
                                              "khai tử",
                                              "kết hôn",
                                              "giấy phép xây dựng",
                                              "giấy chứng nhận quyền sử dụng đất",
                                              "hộ kinh doanh",
                                              "giấy phép lái xe",
                                              "thường trú",
                                              "tạm trú",
                                              "nhận cha, mẹ, con",
                                              "giám hộ",
                                              "con nuôi",
                                              "chứng chỉ hành nghề dược",
                                              "giấy phép kinh doanh rượu",
                                              "biển số xe",
                                              "hợp đồng lao động",
                                              "giấy phép môi trường",
                                              "trích lục hộ tịch",
                                              "quốc tịch Việt Nam",
                                              "nhà ở xã hội",
                                              "hồ sơ thủy lợi",
                                              "giấy phép khai thác khoáng sản",
                                              "thay đổi hộ tịch",
                                              "tình trạng hôn nhân",
                                              "giấy phép hoạt động giáo dục",
                                              "chứng chỉ quy hoạch",
                                              "dự án đầu tư",
                                              "giấy phép lao động cho người nước ngoài",
                                              "đất nông nghiệp",
                                              "trợ cấp xã hội"};
    const std::vector<std::string> qualifiers = {"",
                                                 "có yếu tố nước ngoài",
                                                 "cho người nước ngoài",
                                                 "tại Ủy ban nhân dân cấp xã",
                                                 "lần đầu",
                                                 "do bị mất",
                                                 "trường hợp bị hư hỏng",
                                                 "đối với doanh nghiệp",
                                                 "kết hợp đăng ký thường trú",
                                                 "cho hộ gia đình",
                                                 "tại khu kinh tế",
                                                 "theo yêu cầu",
                                                 "thuộc thẩm quyền cấp tỉnh",
                                                 "cho tổ chức tôn giáo",
                                                 "trên địa bàn tỉnh Khánh Hòa",
                                                 "đối với công trình cấp III",
                                                 "trong khu công nghiệp",
                                                 "cho cá nhân",
                                                 "có thời hạn",
                                                 "không thời hạn",
                                                 "đối với trẻ em",
                                                 "cho người cao tuổi"};
    std::vector<Procedure> catalogue;
    catalogue.reserve(count);
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    const auto next = [&state](std::size_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>((state >> 33) % bound);
    };
    for (std::size_t i = 0; i < count; ++i) {
        const std::string& action = actions[next(actions.size())];
        const std::string& object = objects[next(objects.size())];
        const std::string& qualifier = qualifiers[1 + next(qualifiers.size() - 1)];
        Procedure p;
        p.name.append(action).append(" ").append(object).append(" ").append(qualifier);
        p.summary.append("Tổ chức, cá nhân nộp hồ sơ ")
            .append(action)
            .append(" ")
            .append(object)
            .append(" tại Trung tâm Phục vụ hành chính công; ")
            .append(qualifiers[next(qualifiers.size())]);
        char code[32];
        std::snprintf(code, sizeof code, "1.%06zu", 100000 + i);
        p.code = code;
        catalogue.push_back(std::move(p));
    }
    *exact_position = count / 2;
    catalogue[*exact_position].name = "Đăng ký khai sinh";
    return catalogue;
}

TextIndex BuildIndex(const std::vector<Procedure>& catalogue) {
    TextIndex index;
    for (const Procedure& p : catalogue) {
        index.Add({{p.name, 3.0}, {p.summary, 1.0}}, {p.code});
    }
    return index;
}

struct Fixture {
    Fixture() : catalogue(MakeCatalogue(kDocuments, &exact)), index(BuildIndex(catalogue)) {}
    std::size_t exact = 0;
    std::vector<Procedure> catalogue;
    TextIndex index;
};

const Fixture& GetFixture() {
    static const Fixture fixture;
    return fixture;
}

void RunQuery(benchmark::State& state, const char* query, bool expect_exact_first) {
    const Fixture& f = GetFixture();
    const std::vector<SearchHit> check = f.index.Search(query, 20);
    if (check.empty() || (expect_exact_first && check[0].doc != f.exact)) {
        state.SkipWithError("unexpected answer");
        return;
    }
    const std::vector<SearchHit> all = f.index.Search(query, kDocuments);
    for ([[maybe_unused]] auto _ : state) {
        benchmark::DoNotOptimize(f.index.Search(query, 20));
    }
    state.counters["matches"] = static_cast<double>(all.size());
    state.SetLabel(f.catalogue[check[0].doc].name);
}

void BM_Build10k(benchmark::State& state) {
    std::size_t exact = 0;
    const std::vector<Procedure> catalogue = MakeCatalogue(kDocuments, &exact);
    for ([[maybe_unused]] auto _ : state) {
        benchmark::DoNotOptimize(BuildIndex(catalogue));
    }
}
BENCHMARK(BM_Build10k)->Unit(benchmark::kMillisecond);

void BM_SearchPhrase(benchmark::State& state) { RunQuery(state, "dang ky khai sinh", true); }
BENCHMARK(BM_SearchPhrase)->Unit(benchmark::kMicrosecond);

void BM_SearchPhraseAccented(benchmark::State& state) {
    RunQuery(state, "Đăng ký khai sinh", true);
}
BENCHMARK(BM_SearchPhraseAccented)->Unit(benchmark::kMicrosecond);

void BM_SearchOneWord(benchmark::State& state) { RunQuery(state, "sinh", false); }
BENCHMARK(BM_SearchOneWord)->Unit(benchmark::kMicrosecond);

void BM_SearchCommonWord(benchmark::State& state) { RunQuery(state, "giay ", false); }
BENCHMARK(BM_SearchCommonWord)->Unit(benchmark::kMicrosecond);

void BM_SearchPrefix(benchmark::State& state) { RunQuery(state, "cap lai giay ph", false); }
BENCHMARK(BM_SearchPrefix)->Unit(benchmark::kMicrosecond);

void BM_SearchShortPrefix(benchmark::State& state) { RunQuery(state, "t", false); }
BENCHMARK(BM_SearchShortPrefix)->Unit(benchmark::kMicrosecond);

void BM_SearchExactKey(benchmark::State& state) { RunQuery(state, "1.105000", false); }
BENCHMARK(BM_SearchExactKey)->Unit(benchmark::kMicrosecond);

void BM_FoldForSearch(benchmark::State& state) {
    for ([[maybe_unused]] auto _ : state) {
        benchmark::DoNotOptimize(FoldForSearch("Đăng ký khai sinh có yếu tố nước ngoài"));
    }
}
BENCHMARK(BM_FoldForSearch)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace motcua::domain::search

BENCHMARK_MAIN();
