#include "reporting/metric_membership.hpp"

#include <algorithm>
#include <iterator>

namespace motcua::reporting {
namespace {

constexpr std::string_view kDossierMetrics[] = {
    "DOSSIER_SYNC",
    "PROGRESS_ON_TIME",
    "ONLINE_DOSSIER_SHARE",
    "FULL_ONLINE_DOSSIER_SHARE",
    "ONLINE_PAYMENT_DOSSIER",
    "ORIGINAL_RESULT_AVAILABLE",
    "SO_HOA_GIAY_TO_GIAI_QUYET",
    "REUSED_DIGITIZED_DATA",
    "SYNCED_WITH_DVCQG_PERSONAL_STORAGE",
    "CITIZEN_DATA_CONNECTED_DOSSIER",
    "DOSSIER_RECEIVING_SATISFACTION",
};

struct ReasonEntry {
    std::string_view code;
    ReasonText text;
};

constexpr ReasonEntry kReasons[] = {
    {"not_received", {"Hồ sơ chưa được tiếp nhận", "Not received"}},
    {"synced", {"Đã đồng bộ lên Cổng DVCQG", "Synchronised to the national portal"}},
    {"not_synced", {"Chưa đồng bộ lên Cổng DVCQG", "Not synchronised to the national portal"}},
    {"on_time", {"Đúng hạn hoặc trong hạn tại cuối kỳ", "On time or within time at period end"}},
    {"overdue_at_period_end",
     {"Quá hạn tại cuối kỳ (hoặc yêu cầu bổ sung quá một lần)",
      "Overdue at period end (or more than one supplementation request)"}},
    {"online", {"Nộp trực tuyến", "Submitted online"}},
    {"not_online", {"Không nộp trực tuyến", "Not submitted online"}},
    {"online_without_e_result",
     {"Nộp trực tuyến nhưng chưa có kết quả điện tử", "Online but without an electronic result"}},
    {"procedure_not_fully_online",
     {"Thủ tục không phải dịch vụ công trực tuyến toàn trình", "Procedure not fully online"}},
    {"no_fee", {"Không phát sinh nghĩa vụ tài chính", "No fee due"}},
    {"paid_online", {"Đã thanh toán trực tuyến", "Paid online"}},
    {"not_paid_online", {"Không thanh toán trực tuyến", "Not paid online"}},
    {"no_document_result", {"Kết quả không phải là giấy tờ", "Result is not a document"}},
    {"e_result_synced",
     {"Có kết quả điện tử, đã đồng bộ", "Electronic result issued and synchronised"}},
    {"no_e_result_synced",
     {"Chưa có kết quả điện tử được đồng bộ", "No synchronised electronic result"}},
    {"digitized", {"Đã số hóa", "Digitised"}},
    {"digitized_without_e_result",
     {"Đã số hóa nhưng chưa có kết quả điện tử", "Digitised but without an electronic result"}},
    {"not_digitized", {"Chưa số hóa", "Not digitised"}},
    {"reused", {"Có tái sử dụng dữ liệu đã số hóa", "Reused digitised data"}},
    {"not_reused", {"Không tái sử dụng dữ liệu", "No reuse of digitised data"}},
    {"personal_store", {"Đồng bộ kho dữ liệu cá nhân, tổ chức", "In the personal data store"}},
    {"not_in_personal_store",
     {"Không đồng bộ kho dữ liệu cá nhân, tổ chức", "Not in the personal data store"}},
    {"population_data", {"Khai thác dữ liệu dân cư", "Used population data"}},
    {"no_population_data", {"Không khai thác dữ liệu dân cư", "No population data used"}},
    {"satisfied", {"Hài lòng", "Satisfied"}},
    {"rated_unsatisfied", {"Đánh giá không hài lòng", "Rated unsatisfied"}},
    {"feedback", {"Có phản ánh, kiến nghị", "Has feedback (PAKN)"}},
};

// A yes/no metric: the dossier is in the numerator when `count` is 1.
DossierJudgement YesNo(bool denominator, std::int64_t count, std::string_view yes,
                       std::string_view no) {
    return {denominator, denominator && count == 1, count == 1 ? yes : no};
}

}  // namespace

std::span<const std::string_view> DossierMetricCodes() { return kDossierMetrics; }

std::optional<DossierJudgement> JudgeDossier(std::string_view metric, const DossierFacts& facts,
                                             const ProcedureProfile& procedure, PeriodKind kind) {
    if (std::find(std::begin(kDossierMetrics), std::end(kDossierMetrics), metric) ==
        std::end(kDossierMetrics)) {
        return std::nullopt;
    }
    if (!facts.received) {
        return DossierJudgement{false, false, "not_received"};
    }
    const Counters c = Counts(facts);
    if (metric == "DOSSIER_SYNC") {
        return YesNo(true, c.synced, "synced", "not_synced");
    }
    if (metric == "PROGRESS_ON_TIME") {
        return YesNo(true, 1 - c.overdue.For(kind), "on_time", "overdue_at_period_end");
    }
    if (metric == "ONLINE_DOSSIER_SHARE") {
        return YesNo(true, c.online_counted, "online",
                     c.online == 1 ? "online_without_e_result" : "not_online");
    }
    if (metric == "FULL_ONLINE_DOSSIER_SHARE") {
        if (procedure.online_level != domain::OnlineLevel::kFull) {
            return DossierJudgement{false, false, "procedure_not_fully_online"};
        }
        return YesNo(true, c.online, "online", "not_online");
    }
    if (metric == "ONLINE_PAYMENT_DOSSIER") {
        if (c.fee_due == 0) {
            return DossierJudgement{false, false, "no_fee"};
        }
        return YesNo(true, c.paid_online, "paid_online", "not_paid_online");
    }
    if (metric == "ORIGINAL_RESULT_AVAILABLE") {
        if (c.document_result == 0) {
            return DossierJudgement{false, false, "no_document_result"};
        }
        return YesNo(true, c.e_result_synced, "e_result_synced", "no_e_result_synced");
    }
    if (metric == "SO_HOA_GIAY_TO_GIAI_QUYET") {
        return YesNo(true, c.digitized_counted, "digitized",
                     c.digitized == 1 ? "digitized_without_e_result" : "not_digitized");
    }
    if (metric == "REUSED_DIGITIZED_DATA") {
        return YesNo(true, c.reused, "reused", "not_reused");
    }
    if (metric == "SYNCED_WITH_DVCQG_PERSONAL_STORAGE") {
        return YesNo(true, c.personal_store, "personal_store", "not_in_personal_store");
    }
    if (metric == "CITIZEN_DATA_CONNECTED_DOSSIER") {
        return YesNo(true, c.citizen_data, "population_data", "no_population_data");
    }
    // DOSSIER_RECEIVING_SATISFACTION (5.4).
    const std::string_view why = facts.unsatisfied ? "rated_unsatisfied"
                                 : facts.feedback  ? "feedback"
                                                   : "overdue_at_period_end";
    return YesNo(true, 1 - c.dissatisfied.For(kind), "satisfied", why);
}

ReasonText ReasonTextOf(std::string_view reason) {
    const auto* const found =
        std::find_if(std::begin(kReasons), std::end(kReasons),
                     [&](const ReasonEntry& entry) { return entry.code == reason; });
    return found == std::end(kReasons) ? ReasonText{reason, reason} : found->text;
}

}  // namespace motcua::reporting
