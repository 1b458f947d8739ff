#include "reporting/render/monthly_report.hpp"

#include <cctype>
#include <utility>

namespace motcua::reporting::render {

namespace {

constexpr FieldColumn kFieldColumns[] = {
    {"received", "Tổng số hồ sơ tiếp nhận", &FieldRow::received},
    {"received_online", "Tiếp nhận trực tuyến", &FieldRow::received_online},
    {"received_desk", "Tiếp nhận trực tiếp", &FieldRow::received_desk},
    {"received_postal", "Tiếp nhận qua bưu chính công ích", &FieldRow::received_postal},
    {"finished_on_time", "Đã giải quyết đúng hạn", &FieldRow::finished_on_time},
    {"finished_late", "Đã giải quyết quá hạn", &FieldRow::finished_late},
    {"in_progress_on_time", "Đang giải quyết trong hạn", &FieldRow::in_progress_on_time},
    {"in_progress_overdue", "Đang giải quyết quá hạn", &FieldRow::in_progress_overdue},
    {"returned", "Đã trả kết quả", &FieldRow::returned},
    {"refused", "Không được tiếp nhận", &FieldRow::refused},
    {"withdrawn", "Rút hồ sơ", &FieldRow::withdrawn},
    {"stopped", "Dừng xử lý", &FieldRow::stopped},
};

}  // namespace

std::span<const FieldColumn> FieldColumns() { return kFieldColumns; }

std::optional<ReportSection> ParseSectionName(std::string_view name) {
    constexpr std::pair<std::string_view, ReportSection> kNames[] = {
        {"summary", ReportSection::kSummary},
        {"fields", ReportSection::kFields},
        {"index766", ReportSection::kIndex766},
        {"plan", ReportSection::kPlan},
    };
    for (const auto& [word, section] : kNames) {
        if (word == name) {
            return section;
        }
    }
    return std::nullopt;
}

std::string ReportFileStem(const MonthlyReport& report) {
    std::string stem = "bao-cao-";
    for (const char c : report.agency_code) {
        stem += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '-';
    }
    return stem + "-" + report.period_label;
}

FieldRow SumFields(std::span<const FieldRow> fields) {
    FieldRow total;
    total.name_vi = kTotalVi;
    for (const auto& row : fields) {
        for (const auto& column : kFieldColumns) {
            total.*column.member += row.*column.member;
        }
    }
    return total;
}

std::optional<double> OnTimeRate(const FieldRow& row) {
    const std::int64_t finished = row.finished_on_time + row.finished_late;
    if (finished == 0) {
        return std::nullopt;
    }
    return 100.0 * static_cast<double>(row.finished_on_time) / static_cast<double>(finished);
}

PlanTally TallyPlan(std::span<const PlanRow> plan) {
    PlanTally tally;
    for (const auto& row : plan) {
        tally.with_target += row.target ? 1 : 0;
        tally.met += row.met.value_or(false) ? 1 : 0;
    }
    return tally;
}

const char* SectionTitleVi(ReportSection section) {
    switch (section) {
        case ReportSection::kSummary:
            return "Tổng hợp";
        case ReportSection::kFields:
            return "Theo lĩnh vực";
        case ReportSection::kIndex766:
            return "Chỉ số 766";
        case ReportSection::kPlan:
            return "Chỉ tiêu kế hoạch";
    }
    return "";
}

const char* MetricStatusNameVi(MetricStatus status) {
    switch (status) {
        case MetricStatus::kOk:
            return "Có dữ liệu";
        case MetricStatus::kNoData:
            return "Không có dữ liệu";
    }
    return "";
}

}  // namespace motcua::reporting::render
