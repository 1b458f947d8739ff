// Dossier codes (mã hồ sơ, docs/domain.md §2.6): `{receiving agency code}-{yyMMdd}-{daily
// sequence}`, the sequence restarting each day per agency, zero-padded to at least 4 digits and
// growing as needed; or the TT 04/2025 form for centrally provided services,
// `{agency}-{yyMMdd}-{AA}{seq}` where AA are two digits of the agency owning the central system.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace motcua::domain {

enum class DossierCodeFormat { kDefault, kTt04 };

/// Returns the code of the `sequence`-th (1-based) dossier received by `agency_code` on `date`.
std::string FormatDossierCode(std::string_view agency_code, std::chrono::year_month_day date,
                              int sequence, DossierCodeFormat format,
                              std::string_view system_digits = "00");

}  // namespace motcua::domain
