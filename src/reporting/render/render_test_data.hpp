// Test data for the report renderers (test-only: included by the *_test.cpp files here and by
// tests/reports/, compiled into no library). SampleMonthlyReport: fields with Vietnamese names
// and CSV-hostile text, the six 766 groups with no_data metrics, a group whose metric scores
// exceed its maximum (the MIN cap), unrounded scores, and plan indicators met, not met, without
// target and without data; group scores and the index total follow the engine's rule
// (index_766.cpp): min(Σ ok scores, group max), summed. ReadCsv: a small RFC 4180 reader
// (quoted fields with doubled quotes, CR, LF and commas; a leading UTF-8 BOM skipped).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reporting/render/monthly_report.hpp"

namespace motcua::reporting::render::testing {

inline FieldRow SampleField(std::string code, std::string name, std::int64_t online,
                            std::int64_t desk, std::int64_t postal, std::int64_t on_time,
                            std::int64_t late, std::int64_t open_on_time,
                            std::int64_t open_overdue) {
    FieldRow row;
    row.field_code = std::move(code);
    row.name_vi = std::move(name);
    row.received_online = online;
    row.received_desk = desk;
    row.received_postal = postal;
    row.received = online + desk + postal;
    row.finished_on_time = on_time;
    row.finished_late = late;
    row.in_progress_on_time = open_on_time;
    row.in_progress_overdue = open_overdue;
    row.returned = std::max<std::int64_t>(0, on_time + late - 1);
    row.refused = online % 3;
    row.withdrawn = desk % 2;
    row.stopped = postal % 2;
    return row;
}

inline MetricRow SampleMetric(std::string code, std::string id, std::string name, double num,
                              double den, double max, double score_per_ratio = 0) {
    MetricRow metric;
    metric.code = std::move(code);
    metric.id = std::move(id);
    metric.name_vi = std::move(name);
    metric.numerator = num;
    metric.denominator = den;
    metric.max_score = max;
    if (den > 0) {
        metric.ratio = 100.0 * num / den;
        metric.score = score_per_ratio > 0 ? std::min(max, score_per_ratio * *metric.ratio / 100.0)
                                           : max * *metric.ratio / 100.0;
    } else {
        metric.status = MetricStatus::kNoData;
        metric.note = "không có dữ liệu, \"mẫu số = 0\"";
    }
    return metric;
}

inline MonthlyReport SampleMonthlyReport() {
    MonthlyReport report;
    report.agency_code = "000.00.00.H99";
    report.agency_name_vi = "UBND tỉnh Thử Nghiệm";
    report.period_label = "2025-03";
    report.generated_at = "2025-04-01T08:00:00+07:00";
    report.fields = {
        SampleField("G01", "Đất đai", 41, 23, 7, 37, 9, 18, 4),
        SampleField("G02", "Hộ tịch, \"khai sinh\", kết hôn", 120, 64, 0, 150, 3, 29, 2),
        SampleField("G03", "Xây dựng\nnhà ở", 12, 9, 3, 10, 5, 7, 2),
        SampleField("G04", "=Khác", 1, 0, 0, 0, 0, 1, 0),
    };

    GroupRow transparency{"transparency", "Công khai, minh bạch", 0, 18, {}};
    transparency.metrics = {
        SampleMetric("PUBLISH_ON_TIME", "1.1", "Công bố TTHC đúng hạn", 17, 18, 6),
        SampleMetric("PUBLIC_UPDATE_ON_TIME", "1.2", "Công khai kịp thời", 0, 0, 4),
        SampleMetric("PUBLIC_CONTENT_FULL", "1.3", "Công khai đầy đủ", 5, 7, 2),
        SampleMetric("DOSSIER_SYNC", "1.4", "Đồng bộ hồ sơ", 268, 280, 6),
    };
    GroupRow progress{"dvc-progress-tree", "Tiến độ giải quyết", 0, 20, {}};
    progress.metrics = {
        SampleMetric("PROGRESS_ON_TIME", "2.1", "Giải quyết đúng hạn", 263, 281, 20)};
    GroupRow online{"provide-online-tree", "Dịch vụ trực tuyến", 0, 12, {}};
    online.metrics = {
        SampleMetric("ONLINE_SERVICE_PROVIDED", "3.1", "Cung cấp DVC trực tuyến", 40, 52, 0),
        SampleMetric("FULL_ONLINE_DOSSIER_SHARE", "row 6", "Hồ sơ trực tuyến toàn trình", 97, 151,
                     12),
    };
    // Observed payment formula: 6 + 2 + 2.5 = 10.5 > 10, so the group is capped.
    GroupRow payment{"formality-online-payment-tree", "Thanh toán trực tuyến", 0, 10, {}};
    payment.metrics = {
        SampleMetric("ONLINE_PAYMENT_DOSSIER", "3.6", "Thanh toán trực tuyến", 30, 30, 6),
        SampleMetric("ONLINE_PAYMENT_FORMALITY", "3.5b", "TTHC có thanh toán trực tuyến", 9, 9, 2,
                     2.5),
        SampleMetric("FEE_FORMALITY_ON_PORTAL", "3.5", "TTHC có phí trên Cổng", 9, 9, 2.5),
    };
    GroupRow digitization{"dossier-digitized", "Số hóa hồ sơ", 0, 22, {}};
    digitization.metrics = {
        SampleMetric("ORIGINAL_RESULT_AVAILABLE", "4.1", "Kết quả điện tử", 101, 233, 6),
        SampleMetric("SO_HOA_GIAY_TO_GIAI_QUYET", "4.2", "Số hóa hồ sơ", 199, 281, 4),
        SampleMetric("REUSED_DIGITIZED_DATA", "4.3", "Tái sử dụng dữ liệu", 13, 281, 2, 2.5),
        SampleMetric("CITIZEN_DATA_CONNECTED_FORMALITY", "4.5a", "Kết nối dữ liệu dân cư", 0, 0, 2),
    };
    GroupRow satisfaction{"handling-satisfaction", "Mức độ hài lòng", 0, 18, {}};
    satisfaction.metrics = {
        SampleMetric("PETITION_PROCESSING_ON_TIME", "5.2", "Xử lý PAKN đúng hạn", 7, 9, 6),
        SampleMetric("DOSSIER_RECEIVING_SATISFACTION", "5.4", "Hài lòng khi tiếp nhận", 251, 281, 6,
                     6 / 0.9),
    };
    report.index_groups = {transparency, progress, online, payment, digitization, satisfaction};
    for (auto& group : report.index_groups) {
        for (const auto& metric : group.metrics) {
            if (metric.status == MetricStatus::kOk) {
                group.score += metric.score.value_or(0.0);
            }
        }
        group.score = std::min(group.score, group.max_score);
        report.index_total_score += group.score;
        report.index_max_score += group.max_score;
    }

    const auto plan = [](std::string id, std::string name, std::optional<double> target, double num,
                         double den) {
        PlanRow row;
        row.id = std::move(id);
        row.name_vi = std::move(name);
        row.target = target;
        row.numerator = num;
        row.denominator = den;
        if (den > 0) {
            row.status = MetricStatus::kOk;
            row.actual = 100.0 * num / den;
            if (target) {
                row.met = *row.actual >= *target;
            }
        }
        return row;
    };
    report.plan = {
        plan("I.1", "Tỷ lệ DVC trực tuyến toàn trình", 80, 40, 52),
        plan("I.2", "Tỷ lệ hồ sơ trực tuyến", 50, 174, 281),
        plan("I.3", "Tỷ lệ thanh toán trực tuyến", 30, 30, 30),
        plan("II.1", "Tỷ lệ số hóa hồ sơ", std::nullopt, 199, 281),
        plan("III.2", "Tỷ lệ xử lý PAKN đúng hạn", 90, 0, 0),
    };
    return report;
}

using CsvRecords = std::vector<std::vector<std::string>>;

inline CsvRecords ReadCsv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    CsvRecords records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    bool any = false;  // Whether the current record has begun.
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        any = true;
        if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            record.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(record));
            record.clear();
            any = false;
        } else {
            field += c;
        }
    }
    if (any) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
    }
    return records;
}

}  // namespace motcua::reporting::render::testing
