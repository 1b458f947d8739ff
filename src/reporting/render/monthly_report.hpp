// The monthly TTHC report (báo cáo tình hình giải quyết thủ tục hành chính) of one agency or of
// the province for one period: dossiers received, in progress and done on time or late, by
// channel and by field; the 766 index; and the plan's indicators against their targets. It is a
// plain value built by the reporting services and rendered here as JSON, CSV and XLSX.
//
// It holds aggregates only — no dossier codes, applicants, officials or free text from dossiers
// — so the same report is the public monthly publication.
//
// Invariants the builder keeps (the XLSX totals are formulas over the rows, and LibreOffice or
// Excel recalculates them, so a report that broke them would show totals unlike the JSON):
// - every counted dossier is in exactly one field row (use a "Khác" row for the rest): the
//   report's totals are the sums of the field rows (SumFields);
// - a group's score is min(Σ scores of its `ok` metrics, group max), and the index total is the
//   sum of the group scores (as index_766.cpp computes them).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reporting/indicator_result.hpp"

namespace motcua::reporting::render {

/// Dossier counts of one field (lĩnh vực) for the period.
struct FieldRow {
    std::string field_code;
    std::string name_vi;
    std::int64_t received = 0;         // Tổng số hồ sơ tiếp nhận (the three channels).
    std::int64_t received_online = 0;  // Trực tuyến.
    std::int64_t received_desk = 0;    // Trực tiếp.
    std::int64_t received_postal = 0;  // Qua dịch vụ bưu chính công ích.
    std::int64_t finished_on_time = 0;
    std::int64_t finished_late = 0;
    std::int64_t in_progress_on_time = 0;  // Within time at the period's end.
    std::int64_t in_progress_overdue = 0;  // Overdue at the period's end.
    std::int64_t returned = 0;             // Đã trả kết quả.
    std::int64_t refused = 0;              // Không được tiếp nhận.
    std::int64_t withdrawn = 0;            // Rút hồ sơ.
    std::int64_t stopped = 0;              // Dừng xử lý.
};

/// One 766 metric (an IndexResult metric with its Vietnamese name).
struct MetricRow {
    std::string code;
    std::string id;  // "1.4", "2.1", …
    std::string name_vi;
    double numerator = 0;
    double denominator = 0;
    std::optional<double> ratio;  // Percent.
    std::optional<double> score;  // Unrounded; displays round to 2 decimals.
    double max_score = 0;
    MetricStatus status = MetricStatus::kOk;
    std::string note;
};

/// One 766 group.
struct GroupRow {
    std::string code;  // GroupApiName.
    std::string name_vi;
    double score = 0;
    double max_score = 0;
    std::vector<MetricRow> metrics;
};

/// One plan indicator (I.1–III.3) against its target.
struct PlanRow {
    std::string id;
    std::string name_vi;
    std::optional<double> target;  // Percent.
    std::optional<double> actual;  // Percent; empty when no_data.
    double numerator = 0;
    double denominator = 0;
    std::optional<bool> met;
    MetricStatus status = MetricStatus::kNoData;
};

struct MonthlyReport {
    std::string agency_code;  // The province's code for the province report.
    std::string agency_name_vi;
    std::string period_label;  // Period::Label(): "2025-03".
    std::string generated_at;  // Supplied by the caller (time is injected); may be empty.
    std::vector<FieldRow> fields;
    double index_total_score = 0;
    double index_max_score = 0;
    std::vector<GroupRow> index_groups;
    std::vector<PlanRow> plan;
};

/// The report's sections: the XLSX sheets, one CSV file each.
enum class ReportSection { kSummary, kFields, kIndex766, kPlan };

inline constexpr ReportSection kAllReportSections[] = {
    ReportSection::kSummary,
    ReportSection::kFields,
    ReportSection::kIndex766,
    ReportSection::kPlan,
};

/// Returns the section named "summary", "fields", "index766" or "plan" (the API's and the
/// console's word for it).
std::optional<ReportSection> ParseSectionName(std::string_view name);

/// Returns the section's sheet title: "Tổng hợp", "Theo lĩnh vực", "Chỉ số 766",
/// "Chỉ tiêu kế hoạch".
const char* SectionTitleVi(ReportSection section);
/// One count column of the field table: its JSON key, its Vietnamese header and its member.
struct FieldColumn {
    const char* key;
    const char* header_vi;
    std::int64_t FieldRow::*member;
};

/// The count columns, in table order (shared by the three renderers).
std::span<const FieldColumn> FieldColumns();

/// Returns the ASCII stem of the report's file names: "bao-cao-H32-2025-03" (characters other
/// than letters and digits in the agency code become '-').
std::string ReportFileStem(const MonthlyReport& report);

/// Returns the sums of the field rows (code empty, name "Tổng cộng").
FieldRow SumFields(std::span<const FieldRow> fields);

/// Returns finished on time / finished in percent; empty when nothing was finished.
std::optional<double> OnTimeRate(const FieldRow& row);

/// How many plan indicators have a target, and how many met it.
struct PlanTally {
    std::int64_t with_target = 0;
    std::int64_t met = 0;
};
PlanTally TallyPlan(std::span<const PlanRow> plan);

/// Vietnamese words for cells.
const char* MetricStatusNameVi(MetricStatus status);  // "Có dữ liệu" / "Không có dữ liệu".
inline constexpr const char* kMetVi = "Đạt";
inline constexpr const char* kNotMetVi = "Chưa đạt";
inline constexpr const char* kTotalVi = "Tổng cộng";
inline constexpr const char* kIndexTotalVi = "Tổng điểm";
inline constexpr const char* kPlanWithTargetVi = "Số chỉ tiêu có mục tiêu";
inline constexpr const char* kPlanMetVi = "Số chỉ tiêu đạt";

}  // namespace motcua::reporting::render
