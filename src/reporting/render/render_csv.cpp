#include "reporting/render/render_csv.hpp"

#include <charconv>
#include <initializer_list>
#include <optional>

namespace motcua::reporting::render {

namespace {

// One record under construction; cells are already-encoded fields.
class Record {
public:
    Record& Text(std::string_view text) { return Raw(CsvTextField(text)); }
    Record& Integer(std::int64_t number) { return Raw(std::to_string(number)); }
    Record& Number(double number) { return Raw(CsvNumber(number)); }
    Record& Number(const std::optional<double>& number) {
        return Raw(number ? CsvNumber(*number) : std::string());
    }
    Record& Raw(const std::string& cell) {
        if (!first_) {
            line_ += ',';
        }
        first_ = false;
        line_ += cell;
        return *this;
    }
    void AppendTo(std::string& out) const { out += line_ + "\r\n"; }

private:
    std::string line_;
    bool first_ = true;
};

void Header(std::string& out, std::initializer_list<std::string_view> headers) {
    Record record;
    for (const auto header : headers) {
        record.Text(header);
    }
    record.AppendTo(out);
}

void Summary(const MonthlyReport& report, std::string& out) {
    Header(out, {"Chỉ tiêu", "Giá trị"});
    Record().Text("Mã đơn vị").Text(report.agency_code).AppendTo(out);
    Record().Text("Tên đơn vị").Text(report.agency_name_vi).AppendTo(out);
    Record().Text("Kỳ báo cáo").Text(report.period_label).AppendTo(out);
    Record().Text("Ngày lập").Text(report.generated_at).AppendTo(out);
    const FieldRow total = SumFields(report.fields);
    for (const auto& column : FieldColumns()) {
        Record().Text(column.header_vi).Integer(total.*column.member).AppendTo(out);
    }
    Record().Text("Tỷ lệ giải quyết đúng hạn (%)").Number(OnTimeRate(total)).AppendTo(out);
    Record().Text("Điểm Chỉ số 766").Number(report.index_total_score).AppendTo(out);
    Record().Text("Điểm tối đa Chỉ số 766").Number(report.index_max_score).AppendTo(out);
    const PlanTally tally = TallyPlan(report.plan);
    Record().Text("Số chỉ tiêu kế hoạch có mục tiêu").Integer(tally.with_target).AppendTo(out);
    Record().Text("Số chỉ tiêu kế hoạch đạt").Integer(tally.met).AppendTo(out);
}

void FieldRecord(const FieldRow& row, std::string_view number, std::string& out) {
    Record record;
    record.Text(number).Text(row.field_code).Text(row.name_vi);
    for (const auto& column : FieldColumns()) {
        record.Integer(row.*column.member);
    }
    record.AppendTo(out);
}

void Fields(const MonthlyReport& report, std::string& out) {
    Record header;
    header.Text("STT").Text("Mã lĩnh vực").Text("Tên lĩnh vực");
    for (const auto& column : FieldColumns()) {
        header.Text(column.header_vi);
    }
    header.AppendTo(out);
    for (std::size_t i = 0; i < report.fields.size(); ++i) {
        FieldRecord(report.fields[i], std::to_string(i + 1), out);
    }
    FieldRecord(SumFields(report.fields), "", out);
}

void Index766(const MonthlyReport& report, std::string& out) {
    Header(out, {"Nhóm", "STT", "Mã chỉ số", "Tên chỉ số", "Tử số", "Mẫu số", "Tỷ lệ (%)", "Điểm",
                 "Điểm tối đa", "Trạng thái", "Ghi chú"});
    for (const auto& group : report.index_groups) {
        Record()
            .Text(group.code)
            .Raw("")
            .Raw("")
            .Text(group.name_vi)
            .Raw("")
            .Raw("")
            .Raw("")
            .Number(group.score)
            .Number(group.max_score)
            .Raw("")
            .Raw("")
            .AppendTo(out);
        for (const auto& metric : group.metrics) {
            const bool ok = metric.status == MetricStatus::kOk;
            Record()
                .Text(group.code)
                .Text(metric.id)
                .Text(metric.code)
                .Text(metric.name_vi)
                .Number(metric.numerator)
                .Number(metric.denominator)
                .Number(metric.ratio)
                .Number(ok ? metric.score : std::nullopt)
                .Number(metric.max_score)
                .Text(MetricStatusNameVi(metric.status))
                .Text(metric.note)
                .AppendTo(out);
        }
    }
    Record()
        .Raw("")
        .Raw("")
        .Raw("")
        .Text(kIndexTotalVi)
        .Raw("")
        .Raw("")
        .Raw("")
        .Number(report.index_total_score)
        .Number(report.index_max_score)
        .Raw("")
        .Raw("")
        .AppendTo(out);
}

void Plan(const MonthlyReport& report, std::string& out) {
    Header(out, {"Mã", "Chỉ tiêu", "Mục tiêu (%)", "Thực hiện (%)", "Tử số", "Mẫu số", "Đánh giá",
                 "Trạng thái"});
    for (const auto& row : report.plan) {
        Record()
            .Text(row.id)
            .Text(row.name_vi)
            .Number(row.target)
            .Number(row.actual)
            .Number(row.numerator)
            .Number(row.denominator)
            .Text(row.met ? (*row.met ? kMetVi : kNotMetVi) : "")
            .Text(MetricStatusNameVi(row.status))
            .AppendTo(out);
    }
    const PlanTally tally = TallyPlan(report.plan);
    // Each count sits under the column it counts, as in the XLSX (every record has 8 fields).
    Record()
        .Raw("")
        .Text(kPlanWithTargetVi)
        .Integer(tally.with_target)
        .Raw("")
        .Raw("")
        .Raw("")
        .Raw("")
        .Raw("")
        .AppendTo(out);
    Record()
        .Raw("")
        .Text(kPlanMetVi)
        .Raw("")
        .Raw("")
        .Raw("")
        .Raw("")
        .Integer(tally.met)
        .Raw("")
        .AppendTo(out);
}

}  // namespace

const char* SectionCsvFileName(ReportSection section) {
    switch (section) {
        case ReportSection::kSummary:
            return "tong-hop.csv";
        case ReportSection::kFields:
            return "theo-linh-vuc.csv";
        case ReportSection::kIndex766:
            return "chi-so-766.csv";
        case ReportSection::kPlan:
            return "chi-tieu-ke-hoach.csv";
    }
    return "";
}

std::string CsvTextField(std::string_view text) {
    std::string field;
    if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' ||
                          text.front() == '@' || text.front() == '\t' || text.front() == '\r')) {
        field += '\'';
    }
    field += text;
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        return field;
    }
    std::string quoted = "\"";
    for (const char c : field) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    quoted += '"';
    return quoted;
}

std::string CsvNumber(double number) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    return {buffer, result.ptr};
}

std::string RenderCsv(const MonthlyReport& report, ReportSection section) {
    std::string out(kUtf8Bom);
    switch (section) {
        case ReportSection::kSummary:
            Summary(report, out);
            break;
        case ReportSection::kFields:
            Fields(report, out);
            break;
        case ReportSection::kIndex766:
            Index766(report, out);
            break;
        case ReportSection::kPlan:
            Plan(report, out);
            break;
    }
    return out;
}

}  // namespace motcua::reporting::render
