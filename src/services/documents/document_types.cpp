#include "services/documents/document_types.hpp"

#include <chrono>
#include <cstdio>

#include "domain/calendar/local_date_time.hpp"

namespace motcua::services {

std::string ResultTypeKey(const domain::Procedure& procedure) {
    return "procedure:" +
           (procedure.national_code.empty() ? procedure.code : procedure.national_code);
}

std::string ComponentTypeKey(const domain::Component& component) {
    if (!component.result_of_procedure.empty()) {
        return "procedure:" + component.result_of_procedure;
    }
    return "paper:" + component.name_vi;
}

std::string ValidUntil(std::string_view issued, int months) {
    namespace chrono = std::chrono;
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    if (months <= 0 || issued.size() != 10 ||
        std::sscanf(std::string(issued).c_str(), "%4d-%2u-%2u", &year, &month, &day) != 3) {
        return {};
    }
    const chrono::year_month_day start{chrono::year{year}, chrono::month{month}, chrono::day{day}};
    if (!start.ok()) {
        return {};
    }
    const chrono::year_month end_month =
        chrono::year_month{start.year(), start.month()} + chrono::months{months};
    chrono::year_month_day end{end_month.year(), end_month.month(), start.day()};
    if (!end.ok()) {  // 31 August + 6 months: the last day of February.
        end = chrono::year_month_day{chrono::year_month_day_last{
            end_month.year(), chrono::month_day_last{end_month.month()}}};
    }
    return domain::calendar::FormatIsoDate(chrono::sys_days{end});
}

DocumentState StateOn(const storage::StoredDocument& document, std::string_view today) {
    if (!document.revoked_at.empty()) {
        return DocumentState::kRevoked;
    }
    // Civil dates as YYYY-MM-DD compare as text.
    if (!document.valid_until.empty() && document.valid_until < today) {
        return DocumentState::kExpired;
    }
    return DocumentState::kValid;
}

const char* DocumentStateName(DocumentState state) {
    switch (state) {
        case DocumentState::kValid:
            return "valid";
        case DocumentState::kExpired:
            return "expired";
        case DocumentState::kRevoked:
            return "revoked";
    }
    return "valid";
}

}  // namespace motcua::services
