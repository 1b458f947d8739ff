#include "reporting/plan_indicators.hpp"

#include <string_view>

namespace motcua::reporting {

namespace {

// Our arrangement of domain §7's nine requested indicators; the seed plan's own numbering is
// not in the repository (docs/indicators.md, open question).
constexpr PlanIndicatorDefinition kDefinitions[] = {
    {"I.1", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "Share of full online public services",
     "ONLINE_SERVICE_FULL_PROVIDED"},
    {"I.2", "Tỷ lệ hồ sơ trực tuyến", "Share of dossiers submitted online", "own:online_share"},
    {"I.3", "Tỷ lệ thanh toán trực tuyến", "Share of dossiers paid online",
     "ONLINE_PAYMENT_DOSSIER"},
    {"II.1", "Tỷ lệ số hóa hồ sơ", "Share of digitised dossiers", "SO_HOA_GIAY_TO_GIAI_QUYET"},
    {"II.2", "Tỷ lệ cấp kết quả giải quyết TTHC điện tử", "Share of electronic results",
     "ORIGINAL_RESULT_AVAILABLE"},
    {"II.3", "Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa", "Share reusing digitised data",
     "REUSED_DIGITIZED_DATA"},
    {"III.1", "Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia",
     "Share of dossiers synced with the national portal", "DOSSIER_SYNC"},
    {"III.2", "Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn", "Share of petitions handled on time",
     "PETITION_PROCESSING_ON_TIME"},
    {"III.3", "Mức độ hài lòng trong tiếp nhận, giải quyết TTHC",
     "Satisfaction with dossier handling", "DOSSIER_RECEIVING_SATISFACTION"},
};

}  // namespace

std::span<const PlanIndicatorDefinition> PlanIndicatorDefinitions() { return kDefinitions; }

std::optional<double> PlanTargets::Target(int year, const std::string& id) const {
    const auto in_year = by_year.find(year);
    if (in_year == by_year.end()) {
        return std::nullopt;
    }
    const auto target = in_year->second.find(id);
    if (target == in_year->second.end()) {
        return std::nullopt;
    }
    return target->second;
}

std::vector<PlanIndicatorResult> EvaluatePlan(const IndexResult& index, const IndexInputs& inputs,
                                              const PlanTargets& targets, int year) {
    std::vector<PlanIndicatorResult> results;
    for (const auto& definition : kDefinitions) {
        PlanIndicatorResult result{definition.id,
                                   definition.name_vi,
                                   definition.name_en,
                                   definition.source,
                                   targets.Target(year, definition.id),
                                   std::nullopt,
                                   0,
                                   0,
                                   std::nullopt,
                                   MetricStatus::kNoData};
        if (std::string_view(definition.source) == "own:online_share") {
            // Plain channel share: online / received (3.3 without its e-result condition and
            // sync multiplier, which measure other things).
            const Counters total = Total(inputs.procedures);
            result.numerator = static_cast<double>(total.online);
            result.denominator = static_cast<double>(total.received);
        } else if (const MetricResult* metric = index.Find(definition.source)) {
            if (metric->status == MetricStatus::kOk) {
                result.numerator = metric->numerator;
                result.denominator = metric->denominator;
            }
        }
        if (result.denominator > 0) {
            result.actual = 100.0 * result.numerator / result.denominator;
            result.status = MetricStatus::kOk;
            if (result.target) {
                result.met = *result.actual >= *result.target;
            }
        }
        results.push_back(std::move(result));
    }
    return results;
}

}  // namespace motcua::reporting
