// The field checks of the pushed objects (docs/dvcqg.md §3.1–3.2, README.md "Validation"). The
// portal is strict on purpose: a field of the wrong type, a status out of 1–10, a date not
// yyyyMMddHHmmss or a null where the field should be absent is refused with "400".
#pragma once

#include <optional>
#include <string>

#include <boost/json/value.hpp>

namespace motcua::sim::dvcqg {

/// The first field that is wrong, as a path (`data[0].TrangThaiHoSo`), and what is wrong.
struct FieldError {
    std::string field;
    std::string message;
};

/// A DongBoHoSoMC dossier at `where` (e.g. "data[0]").
std::optional<FieldError> ValidateDossier(const boost::json::value& item, const std::string& where);

/// A CapNhatTienDoHoSoMC step at `where`.
std::optional<FieldError> ValidateStep(const boost::json::value& item, const std::string& where);

/// A yyyyMMddHHmmss date: 14 digits with a plausible month, day, hour, minute and second.
bool IsPortalDate(std::string_view text);

}  // namespace motcua::sim::dvcqg
