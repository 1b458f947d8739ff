#include "domain/dossier/dossier_code.hpp"

#include <cstdio>

namespace motcua::domain {

std::string FormatDossierCode(std::string_view agency_code, std::chrono::year_month_day date,
                              int sequence, DossierCodeFormat format,
                              std::string_view system_digits) {
    char day[8];
    std::snprintf(day, sizeof day, "%02d%02u%02u", static_cast<int>(date.year()) % 100,
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    char number[16];
    std::snprintf(number, sizeof number, "%04d", sequence);
    std::string code(agency_code);
    code += '-';
    code += day;
    code += '-';
    switch (format) {
        case DossierCodeFormat::kDefault:
            break;
        case DossierCodeFormat::kTt04:
            code += system_digits;
            break;
    }
    code += number;
    return code;
}

}  // namespace motcua::domain
