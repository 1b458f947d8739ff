#include "reporting/render/dossier_forms.hpp"

#include <algorithm>
#include <cstdio>

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "domain/calendar/local_date_time.hpp"

namespace motcua::reporting::render {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;
using domain::DossierAction;
using domain::DossierEvent;

struct FormInfo {
    FormKind kind;
    const char* name;
    const char* number;  // Number in TT 03/2025/TT-VPCP Appendix I (docs/domain.md §2.4).
    const char* title_vi;
    const char* title_en;
};

constexpr FormInfo kForms[] = {
    {FormKind::kReceipt, "receipt", "01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
     "Receipt and appointment slip"},
    {FormKind::kSupplementRequest, "supplement_request", "02",
     "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "Request to supplement and complete the dossier"},
    {FormKind::kRefusal, "refusal", "03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
     "Refusal to accept the dossier for settlement"},
    {FormKind::kExtension, "extension", "04",
     "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
     "Apology and request to extend the settlement time"},
    {FormKind::kStopNotice, "stop_notice", "05", "Thông báo dừng giải quyết hồ sơ",
     "Notice of stopping the settlement of the dossier"},
    {FormKind::kControlSlip, "control_slip", "06", "Phiếu kiểm soát quá trình giải quyết hồ sơ",
     "Control slip of the settlement process"},
};

const FormInfo& InfoOf(FormKind kind) {
    return *std::find_if(std::begin(kForms), std::end(kForms),
                         [&](const FormInfo& info) { return info.kind == kind; });
}

Error NotAvailable(FormKind kind) {
    return MakeError(ErrorKind::kConflict, "form_not_available", InfoOf(kind).name);
}

value Time(const std::optional<Instant>& instant) {
    return instant ? value(FormatVietnam(*instant)) : value(nullptr);
}

// "14:05" and "26/11/2026": how the control slip writes hour, minute and date.
std::string ClockText(Instant instant) {
    const auto local = domain::calendar::ToLocalDateTime(instant);
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(local.time_of_day.count() / 60),
                  static_cast<int>(local.time_of_day.count() % 60));
    return text;
}

std::string DateText(Instant instant) {
    const std::chrono::year_month_day date{domain::calendar::ToLocalDateTime(instant).date};
    char text[16];
    std::snprintf(text, sizeof text, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                  static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
    return text;
}

object Label(const char* vi, const char* en) { return {{"vi", vi}, {"en", en}}; }

// The fields an action carried (its event payload): reasons and a note.
struct ActionFields {
    array reasons;
    std::string note;
};

ActionFields ReadFields(const DossierEvent& event) {
    ActionFields fields;
    boost::system::error_code error;
    const auto parsed = boost::json::parse(event.payload_json, error);
    if (error || !parsed.is_object()) {
        return fields;  // Imported history may carry anything; the form then lists nothing.
    }
    const auto& payload = parsed.get_object();
    if (const auto* reasons = payload.if_contains("reasons"); reasons && reasons->is_array()) {
        for (const auto& reason : reasons->get_array()) {
            if (reason.is_string()) {
                fields.reasons.push_back(reason);
            }
        }
    }
    if (const auto* note = payload.if_contains("note"); note && note->is_string()) {
        fields.note = std::string(note->get_string());
    }
    return fields;
}

// The last event of `action`, or nullptr.
const DossierEvent* LastOf(const std::vector<DossierEvent>& events, DossierAction action) {
    const auto found = std::find_if(events.rbegin(), events.rend(),
                                    [&](const DossierEvent& e) { return e.action == action; });
    return found == events.rend() ? nullptr : &*found;
}

std::string PercentEncode(std::string_view text) {
    std::string encoded;
    for (const unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            encoded += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            encoded += hex;
        }
    }
    return encoded;
}

value AgencyJson(const FormInputs& inputs, const std::string& code) {
    if (code.empty()) {
        return nullptr;
    }
    const std::string name = inputs.agency_name ? inputs.agency_name(code) : std::string{};
    return object{{"code", code}, {"name_vi", name.empty() ? value(nullptr) : value(name)}};
}

// The public portal's lookup of the dossier, printed as a QR code on every form.
std::string LookupUrl(const FormInputs& inputs) {
    std::string base = inputs.options.public_base_url;
    while (!base.empty() && base.back() == '/') {
        base.pop_back();
    }
    return base + "/tra-cuu?ma=" + PercentEncode(inputs.dossier.code);
}

// What every form shows: its title and number, the issuing centre, the dossier and applicant.
object Heading(FormKind kind, const FormInputs& inputs) {
    const auto& info = InfoOf(kind);
    const auto& dossier = inputs.dossier;
    const auto& applicant = dossier.applicant;
    return {
        {"form", info.name},
        {"form_number", info.number},
        {"template_vi",
         std::string("Mẫu số ") + info.number + ", Phụ lục I, Thông tư số 03/2025/TT-VPCP"},
        {"title_vi", info.title_vi},
        {"title_en", info.title_en},
        {"national_motto_vi",
         array{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}},
        {"issuer", AgencyJson(inputs, dossier.receiving_agency)},
        {"number", dossier.code},
        {"dossier_code", dossier.code},
        {"procedure", object{{"code", inputs.procedure.code},
                             {"national_code", inputs.procedure.national_code},
                             {"name_vi", inputs.procedure.name_vi},
                             {"name_en", inputs.procedure.name_en}}},
        {"applicant", object{{"kind", applicant.kind},
                             {"id_number", applicant.id_number},
                             {"name", applicant.name},
                             {"phone", applicant.phone},
                             {"email", applicant.email},
                             {"address", applicant.address}}},
        {"received_at", Time(dossier.received_at)},
        {"lookup_url", LookupUrl(inputs)},
    };
}

// Labels every form shares; each builder adds its own.
object CommonLabels() {
    return {
        {"number", Label("Số", "No.")},
        {"dossier_code", Label("Mã hồ sơ", "Dossier code")},
        {"issuer", Label("Cơ quan tiếp nhận", "Receiving agency")},
        {"procedure", Label("Thủ tục hành chính", "Administrative procedure")},
        {"applicant", Label("Tổ chức, cá nhân nộp hồ sơ", "Applicant")},
        {"applicant.id_number",
         Label("Số định danh cá nhân / mã số thuế", "Personal ID number / tax code")},
        {"applicant.phone", Label("Số điện thoại", "Phone")},
        {"applicant.email", Label("Thư điện tử", "Email")},
        {"applicant.address", Label("Địa chỉ", "Address")},
        {"received_at", Label("Thời gian tiếp nhận", "Received at")},
        {"lookup_url", Label("Tra cứu tình trạng hồ sơ", "Look up the dossier's status")},
    };
}

// An officer's action recorded by an event: who, where, when, why.
object ActionJson(const FormInputs& inputs, const DossierEvent& event) {
    auto fields = ReadFields(event);
    return {{"at", FormatVietnam(event.at)},
            {"officer_login", event.actor_login},
            {"agency", AgencyJson(inputs, event.agency_code)},
            {"reasons", std::move(fields.reasons)},
            {"note", fields.note}};
}

Outcome<object> Receipt(const FormInputs& inputs) {
    const auto& dossier = inputs.dossier;
    if (!dossier.received_at) {
        return NotAvailable(FormKind::kReceipt);
    }
    const DossierEvent* reception = LastOf(inputs.events, DossierAction::kAccept);
    if (reception == nullptr) {
        reception = LastOf(inputs.events, DossierAction::kReceive);
    }
    object form = Heading(FormKind::kReceipt, inputs);
    array components;
    for (const auto& component : inputs.procedure.components) {
        const auto state =
            std::find_if(dossier.components.begin(), dossier.components.end(),
                         [&](const domain::ComponentState& c) { return c.code == component.code; });
        const bool known = state != dossier.components.end();
        components.push_back(object{{"code", component.code},
                                    {"name_vi", component.name_vi},
                                    {"name_en", component.name_en},
                                    {"originals", component.originals},
                                    {"copies", component.copies},
                                    {"required", component.required},
                                    {"digitized", known && state->digitized},
                                    {"files", known ? state->files.size() : 0}});
    }
    form["components"] = std::move(components);
    // The appointment as given at reception; a later extension has its own form.
    form["appointment_at"] =
        Time(reception != nullptr && reception->due_at ? reception->due_at : dossier.due_at);
    form["receiving_officer_login"] =
        reception != nullptr ? value(reception->actor_login) : value(nullptr);
    form["channel"] = domain::ChannelName(dossier.channel);
    auto labels = CommonLabels();
    labels["components"] = Label("Thành phần hồ sơ", "Dossier components");
    labels["components.originals"] = Label("Số bản chính", "Originals");
    labels["components.copies"] = Label("Số bản sao", "Copies");
    labels["appointment_at"] = Label("Thời gian hẹn trả kết quả", "Appointment to return result");
    labels["receiving_officer_login"] = Label("Người tiếp nhận", "Receiving officer");
    form["labels"] = std::move(labels);
    return form;
}

Outcome<object> SupplementRequest(const FormInputs& inputs) {
    const DossierEvent* request = LastOf(inputs.events, DossierAction::kRequestSupplement);
    if (request == nullptr) {
        return NotAvailable(FormKind::kSupplementRequest);
    }
    const auto ordinal =
        std::count_if(inputs.events.begin(), inputs.events.end(), [&](const auto& e) {
            return e.action == DossierAction::kRequestSupplement && e.seq <= request->seq;
        });
    object form = Heading(FormKind::kSupplementRequest, inputs);
    form["request"] = ActionJson(inputs, *request);
    form["request_ordinal"] = ordinal;  // A second request is late (docs/domain.md §1.4, 2.1).
    auto labels = CommonLabels();
    labels["request.reasons"] = Label("Nội dung yêu cầu bổ sung, hoàn thiện (giấy tờ cần bổ sung)",
                                      "Documents and details to supplement");
    labels["request.officer_login"] = Label("Người yêu cầu", "Requested by");
    labels["request.at"] = Label("Thời gian yêu cầu", "Requested at");
    labels["request.note"] = Label("Ghi chú", "Note");
    labels["request_ordinal"] = Label("Lần yêu cầu", "Request number");
    form["labels"] = std::move(labels);
    return form;
}

Outcome<object> Refusal(const FormInputs& inputs) {
    const DossierEvent* refusal = LastOf(inputs.events, DossierAction::kRefuse);
    if (inputs.dossier.status != domain::DossierStatus::kRefused || refusal == nullptr) {
        return NotAvailable(FormKind::kRefusal);
    }
    object form = Heading(FormKind::kRefusal, inputs);
    form["submitted_at"] = Time(inputs.dossier.submitted_at);
    form["refusal"] = ActionJson(inputs, *refusal);
    auto labels = CommonLabels();
    labels["submitted_at"] = Label("Thời gian nộp hồ sơ", "Submitted at");
    labels["refusal.reasons"] = Label("Lý do từ chối", "Reasons for refusal");
    labels["refusal.officer_login"] = Label("Người từ chối", "Refused by");
    labels["refusal.at"] = Label("Thời gian từ chối", "Refused at");
    form["labels"] = std::move(labels);
    return form;
}

Outcome<object> Extension(const FormInputs& inputs) {
    const auto& events = inputs.events;
    const auto found = std::find_if(events.rbegin(), events.rend(), [](const DossierEvent& e) {
        return e.action == DossierAction::kExtend;
    });
    if (found == events.rend()) {
        return NotAvailable(FormKind::kExtension);
    }
    // The due time before the extension is the one the previous event left.
    const auto previous = std::next(found);
    object form = Heading(FormKind::kExtension, inputs);
    form["extension"] = ActionJson(inputs, *found);
    form["old_due_at"] = previous != events.rend() ? Time(previous->due_at) : value(nullptr);
    form["new_due_at"] = Time(found->due_at);
    form["extension_count"] = inputs.dossier.extensions;
    auto labels = CommonLabels();
    labels["old_due_at"] = Label("Thời gian hẹn trả kết quả cũ", "Previous appointment");
    labels["new_due_at"] = Label("Thời gian hẹn trả kết quả mới", "New appointment");
    labels["extension.reasons"] = Label("Lý do quá hạn", "Reason for the delay");
    labels["extension.note"] = Label("Lý do quá hạn", "Reason for the delay");
    labels["extension.officer_login"] = Label("Người đề nghị", "Requested by");
    labels["extension.at"] = Label("Thời gian", "Issued at");
    form["apology_vi"] =
        "Cơ quan giải quyết xin lỗi ông/bà vì đã chậm trả kết quả và đề nghị gia "
        "hạn thời gian giải quyết hồ sơ đến thời gian hẹn mới.";
    form["apology_en"] =
        "The settling agency apologises for the delay and asks to extend the "
        "settlement time to the new appointment.";
    form["labels"] = std::move(labels);
    return form;
}

Outcome<object> StopNotice(const FormInputs& inputs) {
    const DossierEvent* stop = LastOf(inputs.events, DossierAction::kStop);
    if (inputs.dossier.status != domain::DossierStatus::kStopped || stop == nullptr) {
        return NotAvailable(FormKind::kStopNotice);
    }
    object form = Heading(FormKind::kStopNotice, inputs);
    form["stop"] = ActionJson(inputs, *stop);
    auto labels = CommonLabels();
    labels["stop.reasons"] = Label("Lý do dừng giải quyết", "Reasons for stopping");
    labels["stop.officer_login"] = Label("Người thực hiện", "Recorded by");
    labels["stop.at"] = Label("Thời gian dừng giải quyết", "Stopped at");
    form["labels"] = std::move(labels);
    return form;
}

// Who took the dossier over after the event at `index`: the next person acting on it.
value ReceiverAfter(const std::vector<DossierEvent>& events, std::size_t index,
                    std::initializer_list<DossierAction> actions) {
    for (std::size_t i = index + 1; i < events.size(); ++i) {
        if (std::find(actions.begin(), actions.end(), events[i].action) != actions.end()) {
            // Not braced: {…} would pick json::value's initializer-list constructor (an array).
            return value(events[i].actor_login);  // NOLINT(modernize-return-braced-init-list)
        }
    }
    return nullptr;
}

const char* ResultName(HandOverResult result) {
    switch (result) {
        case HandOverResult::kEarly:
            return "early";
        case HandOverResult::kOnTime:
            return "on_time";
        case HandOverResult::kLate:
            return "late";
    }
    return "on_time";
}

const char* ResultNameVi(HandOverResult result) {
    switch (result) {
        case HandOverResult::kEarly:
            return "Trước hạn";
        case HandOverResult::kOnTime:
            return "Đúng hạn";
        case HandOverResult::kLate:
            return "Quá hạn";
    }
    return "Đúng hạn";
}

// One row per hand-over, replaying the step moves of the lifecycle (forward, return, a head's
// approval that moves on, and the result handed back to the desk). The step's due time is the
// dossier's current one for that step: a supplementation pause has already moved it.
array ControlRows(const FormInputs& inputs) {
    static constexpr std::initializer_list<DossierAction> kStepWork = {
        DossierAction::kForward, DossierAction::kReturnStep,        DossierAction::kApprove,
        DossierAction::kFinish,  DossierAction::kRequestSupplement, DossierAction::kRequestPayment,
        DossierAction::kExtend,  DossierAction::kIssueEResult};
    const auto& steps = inputs.dossier.steps;
    const auto& events = inputs.events;
    const int step_count = static_cast<int>(steps.size());
    array rows;
    int step = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto& event = events[i];
        int to = step;
        const char* kind = "forward";
        value receiver = nullptr;
        // Only step moves change hands.
        if (event.action == DossierAction::kForward ||
            (event.action == DossierAction::kApprove && step + 1 < step_count)) {
            to = step + 1;
            receiver = ReceiverAfter(events, i, kStepWork);
        } else if (event.action == DossierAction::kReturnStep) {
            to = step - 1;
            kind = "return";
            receiver = ReceiverAfter(events, i, kStepWork);
        } else if (event.action == DossierAction::kFinish) {
            kind = "result";
            receiver = ReceiverAfter(events, i, {DossierAction::kReturnResult});
        } else {
            continue;  // Includes a head's approval of the last step: nothing changed hands.
        }
        const bool known_step = step >= 0 && step < step_count;
        const std::optional<Instant> due =
            known_step ? steps[static_cast<std::size_t>(step)].due_at : inputs.dossier.due_at;
        object row{
            {"seq", event.seq},
            {"kind", kind},
            {"step",
             known_step ? value(steps[static_cast<std::size_t>(step)].name_vi) : value(nullptr)},
            {"agency", AgencyJson(inputs, event.agency_code)},
            {"handed_over_at", FormatVietnam(event.at)},
            {"time", ClockText(event.at)},
            {"date", DateText(event.at)},
            {"giver_login", event.actor_login},
            {"receiver_login", std::move(receiver)},
            {"to_step", to >= 0 && to < step_count && kind != std::string_view("result")
                            ? value(steps[static_cast<std::size_t>(to)].name_vi)
                            : value(nullptr)},
            {"step_due_at", Time(due)},
            {"result", nullptr},
            {"result_vi", nullptr},
            {"note", ReadFields(event).note},
        };
        if (due) {
            const auto result = ClassifyHandOver(event.at, *due);
            row["result"] = ResultName(result);
            row["result_vi"] = ResultNameVi(result);
        }
        rows.push_back(std::move(row));
        step = std::clamp(to, 0, std::max(step_count - 1, 0));
    }
    return rows;
}

Outcome<object> ControlSlip(const FormInputs& inputs) {
    if (!inputs.dossier.received_at) {
        return NotAvailable(FormKind::kControlSlip);
    }
    object form = Heading(FormKind::kControlSlip, inputs);
    form["due_at"] = Time(inputs.dossier.due_at);
    form["rows"] = ControlRows(inputs);
    auto labels = CommonLabels();
    labels["applicant"] = Label("Kèm theo hồ sơ của", "Dossier of");
    labels["due_at"] = Label("Thời gian hẹn trả kết quả", "Appointment to return result");
    labels["rows.agency"] = Label("Tên cơ quan", "Agency");
    labels["rows.handed_over_at"] =
        Label("Thời gian giao, nhận hồ sơ", "Time the dossier changed hands");
    labels["rows.time"] = Label("Giờ, phút", "Hour, minute");
    labels["rows.date"] = Label("Ngày", "Date");
    labels["rows.giver_login"] = Label("Người giao", "Handed over by");
    labels["rows.receiver_login"] = Label("Người nhận", "Received by");
    labels["rows.step_due_at"] = Label("Hạn xử lý của bước", "Step due time");
    labels["rows.result"] = Label("Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn)",
                                  "Result (early / on time / late)");
    labels["rows.note"] = Label("Ghi chú", "Note");
    form["labels"] = std::move(labels);
    return form;
}

}  // namespace

const char* FormKindName(FormKind kind) { return InfoOf(kind).name; }

std::optional<FormKind> ParseFormKind(std::string_view name) {
    for (const auto& info : kForms) {
        if (name == info.name) {
            return info.kind;
        }
    }
    return std::nullopt;
}

HandOverResult ClassifyHandOver(Instant handed_over, Instant due) {
    if (handed_over > due) {
        return HandOverResult::kLate;
    }
    const auto day = domain::calendar::ToLocalDateTime(handed_over).date;
    return day < domain::calendar::ToLocalDateTime(due).date ? HandOverResult::kEarly
                                                             : HandOverResult::kOnTime;
}

Outcome<object> BuildForm(FormKind kind, const FormInputs& inputs) {
    switch (kind) {
        case FormKind::kReceipt:
            return Receipt(inputs);
        case FormKind::kSupplementRequest:
            return SupplementRequest(inputs);
        case FormKind::kRefusal:
            return Refusal(inputs);
        case FormKind::kExtension:
            return Extension(inputs);
        case FormKind::kStopNotice:
            return StopNotice(inputs);
        case FormKind::kControlSlip:
            return ControlSlip(inputs);
    }
    return NotAvailable(kind);
}

}  // namespace motcua::reporting::render
