#include "reporting/render/form_pdf.hpp"

#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "reporting/render/form_wording.hpp"
#include "reporting/render/official_heading.hpp"
#include "reporting/render/pdf_canvas.hpp"
#include "reporting/render/qr_code.hpp"

namespace motcua::reporting::render {
namespace {

using boost::json::object;
using boost::json::value;
using Lines = std::vector<std::pair<std::string, TextStyle>>;

constexpr TextStyle kBody{.size = 11.5};
constexpr TextStyle kBold{.size = 11.5, .bold = true};
constexpr TextStyle kSmallItalic{.size = 10.0, .italic = true, .align = TextAlign::kRight};
constexpr TextStyle kHeaderCell{.size = 9.5, .bold = true, .align = TextAlign::kCenter};
constexpr TextStyle kCell{.size = 9.5};
constexpr TextStyle kSmallCell{.size = 8.5};
constexpr TextStyle kCenterCell{.size = 9.5, .align = TextAlign::kCenter};
constexpr double kQrSide = 84.0;

// The value at a dotted path ("request.reasons"), or nullptr.
const value* Find(const object& form, std::string_view path) {
    const object* at = &form;
    while (true) {
        const auto dot = path.find('.');
        const value* found = at->if_contains(path.substr(0, dot));
        if (found == nullptr || dot == std::string_view::npos) {
            return found;
        }
        if (!found->is_object()) {
            return nullptr;
        }
        at = &found->get_object();
        path.remove_prefix(dot + 1);
    }
}

std::string Text(const object& form, std::string_view path) {
    const value* found = Find(form, path);
    if (found == nullptr) {
        return {};
    }
    if (found->is_string()) {
        return std::string(found->get_string());
    }
    if (found->is_int64()) {
        return std::to_string(found->get_int64());
    }
    if (found->is_uint64()) {
        return std::to_string(found->get_uint64());
    }
    return {};
}

// The Vietnamese label of a field as the form data names it.
std::string Label(const object& form, std::string_view key) {
    const value* labels = form.if_contains("labels");
    if (labels == nullptr || !labels->is_object()) {
        return std::string(key);
    }
    const value* label = labels->get_object().if_contains(key);
    if (label == nullptr || !label->is_object()) {
        return std::string(key);
    }
    const value* vi = label->get_object().if_contains("vi");
    return vi != nullptr && vi->is_string() ? std::string(vi->get_string()) : std::string(key);
}

class FormPrinter {
public:
    explicit FormPrinter(const object& form)
        : form_(form),
          canvas_({.title = Text(form, "title_vi") + " — " + Text(form, "dossier_code"),
                   .subject = Text(form, "template_vi"),
                   .created_at = IssuedAt()}) {}

    Outcome<std::string> Print() {
        Heading();
        const std::string name = Text(form_, "form");
        if (name == "receipt") {
            Receipt();
        } else if (name == "supplement_request") {
            Action("request", {"request.reasons", "request.note"});
            Field("request_ordinal");
            Signatures("NGƯỜI TIẾP NHẬN HỒ SƠ", Text(form_, "request.officer_login"));
        } else if (name == "refusal") {
            Field("submitted_at", true);
            Action("refusal", {"refusal.reasons"});
            Signatures("NGƯỜI TIẾP NHẬN HỒ SƠ", Text(form_, "refusal.officer_login"));
        } else if (name == "extension") {
            canvas_.Paragraph(Text(form_, "apology_vi"), kBody, 6.0);
            Field("old_due_at", true);
            Field("new_due_at", true);
            Action("extension", {"extension.reasons", "extension.note"});
            Signatures("THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT", Text(form_, "extension.officer_login"));
        } else if (name == "stop_notice") {
            Action("stop", {"stop.reasons"});
            Signatures("NGƯỜI THỰC HIỆN", Text(form_, "stop.officer_login"));
        } else if (name == "control_slip") {
            ControlSlip();
        }
        Lookup();
        return canvas_.Finish();
    }

private:
    // The date the form is issued: the time of the action it records, else the reception.
    std::string IssuedAt() const {
        for (const char* path : {"request.at", "refusal.at", "extension.at", "stop.at",
                                 "received_at", "submitted_at"}) {
            if (auto at = Text(form_, path); !at.empty()) {
                return at;
            }
        }
        return "1970-01-01T07:00:00+07:00";
    }

    void Heading() {
        canvas_.Paragraph(Text(form_, "template_vi"), kSmallItalic, 6.0);
        OfficialHeading heading{
            .issuer = Issuer(),
            .number_line = Label(form_, "number") + ": " + Text(form_, "number"),
            .date_line = DateLine(IssuedAt()),
            .title = Text(form_, "title_vi")};
        const value* motto = form_.if_contains("national_motto_vi");
        if (motto != nullptr && motto->is_array()) {
            heading.motto.clear();
            for (const auto& line : motto->get_array()) {
                if (line.is_string()) {
                    heading.motto.emplace_back(line.get_string());
                }
            }
        }
        DrawOfficialHeading(canvas_, heading);
        Field("dossier_code");
        Field("procedure", false,
              Text(form_, "procedure.name_vi") + " (" + Text(form_, "procedure.code") + ")");
        Field("issuer", false, Issuer());
        Field("applicant", false, Text(form_, "applicant.name"));
        Field("applicant.id_number");
        Field("applicant.address");
        Field("applicant.phone");
        Field("applicant.email");
        Field("received_at", true);
    }

    std::string Issuer() const {
        std::string issuer = Text(form_, "issuer.name_vi");
        return issuer.empty() ? Text(form_, "issuer.code") : issuer;
    }

    // "Label: value" on one paragraph; a time in words when `time`; a dash for an absent value,
    // so that every field of the form is on the paper.
    void Field(std::string_view key, bool time = false, std::string given = {}) {
        std::string shown = given.empty() ? Text(form_, key) : std::move(given);
        if (shown.empty()) {
            shown = "—";
        } else if (time) {
            shown = TimeInWords(shown);
        }
        canvas_.Paragraph(Label(form_, key) + ": " + shown, kBody, 2.5);
    }

    // A recorded action: its reasons (numbered) and note, who and when.
    void Action(std::string_view prefix, std::initializer_list<std::string_view> texts) {
        const std::string base(prefix);
        for (const auto key : texts) {
            const value* found = Find(form_, key);
            if (found != nullptr && found->is_array() && !found->get_array().empty()) {
                canvas_.Paragraph(Label(form_, key) + ":", kBold);
                int number = 0;
                for (const auto& item : found->get_array()) {
                    if (item.is_string()) {
                        canvas_.Paragraph(
                            std::to_string(++number) + ". " + std::string(item.get_string()),
                            kBody);
                    }
                }
            } else {
                Field(key);
            }
        }
        Field(base + ".officer_login");
        Field(base + ".at", true);
    }

    void Receipt() {
        canvas_.Paragraph(Label(form_, "components") + ":", kBold);
        std::vector<std::vector<TableCell>> rows;
        const value* components = form_.if_contains("components");
        if (components != nullptr && components->is_array()) {
            int number = 0;
            for (const auto& item : components->get_array()) {
                if (!item.is_object()) {
                    continue;
                }
                const auto& component = item.get_object();
                rows.push_back({{std::to_string(++number), kCenterCell},
                                {Text(component, "name_vi"), kCell},
                                {Text(component, "originals"), kCenterCell},
                                {Text(component, "copies"), kCenterCell}});
            }
        }
        canvas_.Table({32, 330, 60, 60},
                      {{"STT", kHeaderCell},
                       {"Tên giấy tờ", kHeaderCell},
                       {Label(form_, "components.originals"), kHeaderCell},
                       {Label(form_, "components.copies"), kHeaderCell}},
                      rows);
        Field("appointment_at", true);
        Field("receiving_officer_login");
        Signatures("NGƯỜI TIẾP NHẬN HỒ SƠ", Text(form_, "receiving_officer_login"));
    }

    void ControlSlip() {
        Field("due_at", true);
        canvas_.Paragraph(Label(form_, "rows.handed_over_at") + ":", kBold);
        std::vector<std::vector<TableCell>> rows;
        const value* found = form_.if_contains("rows");
        if (found != nullptr && found->is_array()) {
            for (const auto& item : found->get_array()) {
                if (!item.is_object()) {
                    continue;
                }
                const auto& row = item.get_object();
                std::string agency = Text(row, "agency.name_vi");
                if (agency.empty()) {
                    agency = Text(row, "agency.code");
                }
                rows.push_back({{agency, kSmallCell},
                                {Text(row, "time"), kSmallCell},
                                {Text(row, "date"), kSmallCell},
                                {Text(row, "giver_login"), kSmallCell},
                                {Text(row, "receiver_login"), kSmallCell},
                                {ShortTime(Text(row, "step_due_at")), kSmallCell},
                                {Text(row, "result_vi"), kSmallCell},
                                {Text(row, "note"), kSmallCell}});
            }
        }
        const TextStyle head{.size = 8.5, .bold = true, .align = TextAlign::kCenter};
        canvas_.Table({78, 38, 56, 58, 58, 64, 66, 64},
                      {{Label(form_, "rows.agency"), head},
                       {Label(form_, "rows.time"), head},
                       {Label(form_, "rows.date"), head},
                       {Label(form_, "rows.giver_login"), head},
                       {Label(form_, "rows.receiver_login"), head},
                       {Label(form_, "rows.step_due_at"), head},
                       {Label(form_, "rows.result"), head},
                       {Label(form_, "rows.note"), head}},
                      rows);
    }

    // The signature places: the applicant on the left, the officer on the right.
    void Signatures(const char* officer_title, const std::string& officer) {
        canvas_.Space(8.0);
        const double half = PdfCanvas::ContentWidth() / 2;
        const TextStyle title{.size = 12.0, .bold = true, .align = TextAlign::kCenter};
        const TextStyle hint{.size = 11.0, .italic = true, .align = TextAlign::kCenter};
        canvas_.Columns({{half, {{"NGƯỜI NỘP HỒ SƠ", title}, {"(Ký, ghi rõ họ tên)", hint}}},
                         {half,
                          {{officer_title, title},
                           {"(Ký, ghi rõ họ tên)", hint},
                           {"\n\n" + officer, {.size = 12.0, .align = TextAlign::kCenter}}}}},
                        10.0);
    }

    // The QR code of the public lookup, and the same written out.
    void Lookup() {
        const std::string url = Text(form_, "lookup_url");
        const std::string code = Text(form_, "dossier_code");
        auto qr = EncodeQr(url.empty() ? code : url);
        const Lines caption = {
            {Label(form_, "lookup_url") + ":", kBold},
            {url, {.size = 10.0}},
            {"Mã hồ sơ: " + code, {.size = 12.0, .bold = true}},
        };
        if (qr) {
            canvas_.QrWithCaption(qr.Value(), kQrSide, caption);
        } else {
            for (const auto& [text, style] : caption) {
                canvas_.Paragraph(text, style);
            }
        }
    }

    const object& form_;
    PdfCanvas canvas_;
};

}  // namespace

Outcome<std::string> RenderFormPdf(const object& form) { return FormPrinter(form).Print(); }

}  // namespace motcua::reporting::render
