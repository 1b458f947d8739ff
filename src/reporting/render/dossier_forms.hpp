// The one-stop shop's forms (docs/domain.md §2.4, TT 03/2025/TT-VPCP Appendix I) as JSON data built
// from a dossier, its events, its procedure and the agency names: the receipt-and-appointment slip,
// the supplementation request, the refusal, the apology and extension, the stop notice and the
// control slip. Pure: no I/O and no clock, so a form printed twice is the same form. The web
// application lays the data out for print; each form carries its Vietnamese labels with the
// English alongside. Times are Vietnam time (+07:00). A form that does not apply to the dossier
// yet (a refusal of a dossier not refused) is kConflict "form_not_available".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "common/outcome.hpp"
#include "domain/catalog/procedure.hpp"
#include "domain/dossier/dossier.hpp"

namespace motcua::reporting::render {

enum class FormKind {
    kReceipt,            // 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả.
    kSupplementRequest,  // 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.
    kRefusal,            // 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ.
    kExtension,    // 04 Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết.
    kStopNotice,   // 05 Thông báo dừng giải quyết hồ sơ.
    kControlSlip,  // 06 Phiếu kiểm soát quá trình giải quyết hồ sơ.
};

inline constexpr FormKind kAllForms[] = {
    FormKind::kReceipt,   FormKind::kSupplementRequest, FormKind::kRefusal,
    FormKind::kExtension, FormKind::kStopNotice,        FormKind::kControlSlip,
};

/// The form's name in URLs: receipt, supplement_request, refusal, extension, stop_notice,
/// control_slip.
const char* FormKindName(FormKind kind);
std::optional<FormKind> ParseFormKind(std::string_view name);

/// Settings of the forms.
struct FormOptions {
    /// Where the public portal is served, e.g. "https://dichvucong.khanhhoa.gov.vn"; the receipt's
    /// lookup link is `<base>/tra-cuu?ma=<code>` (a relative link when empty).
    std::string public_base_url;
};

/// Everything a form is built from.
struct FormInputs {
    const domain::Dossier& dossier;
    const std::vector<domain::DossierEvent>& events;  // In seq order.
    const domain::Procedure& procedure;
    /// Returns the Vietnamese name of an agency, or "" when the code is unknown.
    std::function<std::string(const std::string& agency_code)> agency_name;
    FormOptions options;
};

/// Builds `kind` for the dossier, or kConflict "form_not_available" (param: the form's name)
/// when the form does not apply to it (yet).
Outcome<boost::json::object> BuildForm(FormKind kind, const FormInputs& inputs);

/// Result of one hand-over on the control slip, comparing its time with the step's due time:
/// an earlier day is early (trước hạn), the due day itself up to the due time is on time
/// (đúng hạn), after the due time is late (quá hạn).
enum class HandOverResult { kEarly, kOnTime, kLate };
HandOverResult ClassifyHandOver(Instant handed_over, Instant due);

}  // namespace motcua::reporting::render
