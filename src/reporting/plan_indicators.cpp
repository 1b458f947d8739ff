#include "reporting/plan_indicators.hpp"

#include <string_view>

namespace motcua::reporting {

namespace {

// The province's 2025 plan appendix (its targets: services::DefaultPlanTargets), each
// mapped to its closest 766 definition (docs/domain.md §7.1) or our own formula. III.1–III.3
// measure the official-document and task systems, which have no inputs yet: they report no_data.
constexpr PlanIndicatorDefinition kDefinitions[] = {
    {"I.1", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "Share of full online public services",
     "ONLINE_SERVICE_FULL_PROVIDED"},
    {"I.2", "Tỷ lệ thanh toán trực tuyến", "Share of fee payments made online",
     "ONLINE_PAYMENT_DOSSIER"},
    {"I.3", "Tỷ lệ hồ sơ trực tuyến", "Share of dossiers submitted online", "own:online_share"},
    {"I.4", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC",
     "Share of digitised dossiers and results", "SO_HOA_GIAY_TO_GIAI_QUYET"},
    {"I.5", "Tỷ lệ kết quả, hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia",
     "Share of dossiers and results synced with the national portal", "DOSSIER_SYNC"},
    {"II.1", "Tỷ lệ cấp kết quả giải quyết TTHC điện tử", "Share of electronic results",
     "ORIGINAL_RESULT_AVAILABLE"},
    {"II.2", "Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa", "Share reusing digitised data",
     "REUSED_DIGITIZED_DATA"},
    {"II.3", "Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn", "Share of petitions handled on time",
     "PETITION_PROCESSING_ON_TIME"},
    {"II.4", "Mức độ hài lòng trong tiếp nhận, giải quyết TTHC",
     "Satisfaction with dossier reception and handling", "DOSSIER_RECEIVING_SATISFACTION"},
    {"III.1", "Tỷ lệ văn bản được xử lý hoàn toàn trên môi trường mạng",
     "Share of official documents processed fully online", "own:documents_online"},
    {"III.2", "Tỷ lệ dữ liệu xử lý nhiệm vụ đồng bộ lên hệ thống của Chính phủ",
     "Share of task-handling data synced to the government systems", "own:tasks_synced"},
    {"III.3", "Kết nối Hệ thống giải quyết TTHC với hệ thống quản lý văn bản",
     "TTHC system connected to the document system", "own:document_system_link"},
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
