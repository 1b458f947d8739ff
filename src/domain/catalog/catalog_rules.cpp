#include "domain/catalog/catalog_rules.hpp"

#include <chrono>
#include <set>
#include <string>
#include <unordered_map>

#include "domain/catalog/fee_due.hpp"

namespace motcua::domain {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

Error Invalid(std::string param, std::string detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_import", std::move(param), std::move(detail));
}

}  // namespace

bool IsValidAgencyCode(std::string_view code) {
    if (code.empty() || code.size() > kMaxAgencyCodeLength) {
        return false;
    }
    bool group_empty = true;
    for (const char c : code) {
        if (c == '.') {
            if (group_empty) {
                return false;  // Leading dot or two dots in a row.
            }
            group_empty = true;
        } else if (IsDigit(c) || IsUpper(c)) {
            group_empty = false;
        } else {
            return false;
        }
    }
    return !group_empty;
}

bool IsValidNationalCode(std::string_view code) {
    if (code.size() != 8 || !IsDigit(code[0]) || code[1] != '.') {
        return false;
    }
    for (std::size_t i = 2; i < code.size(); ++i) {
        if (!IsDigit(code[i])) {
            return false;
        }
    }
    return true;
}

bool IsValidIsoDate(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') {
        return false;
    }
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!IsDigit(date[i])) {
            return false;
        }
    }
    const int year = std::stoi(std::string(date.substr(0, 4)));
    const unsigned month = static_cast<unsigned>(std::stoi(std::string(date.substr(5, 2))));
    const unsigned day = static_cast<unsigned>(std::stoi(std::string(date.substr(8, 2))));
    return std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{month},
                                       std::chrono::day{day}}
        .ok();
}

Outcome<Done> ValidateAgency(const Agency& agency) {
    if (!IsValidAgencyCode(agency.code)) {
        return Invalid("code", "agency code must be dot-separated groups of 0-9 A-Z, at most 35");
    }
    if (!agency.legacy_code.empty() && !IsValidAgencyCode(agency.legacy_code)) {
        return Invalid("legacy_code", "legacy code must use 0-9 A-Z and dots, at most 35");
    }
    if (agency.name_vi.empty()) {
        return Invalid("name_vi", "name_vi is required");
    }
    if (!IsValidIsoDate(agency.valid_from)) {
        return Invalid("valid_from", "valid_from must be a date YYYY-MM-DD");
    }
    if (!agency.valid_to.empty() &&
        (!IsValidIsoDate(agency.valid_to) || agency.valid_to < agency.valid_from)) {
        return Invalid("valid_to", "valid_to must be a date YYYY-MM-DD not before valid_from");
    }
    if (agency.kind == AgencyKind::kProvince) {
        if (!agency.parent_code.empty()) {
            return Invalid("parent", "a province has no parent");
        }
    } else if (agency.parent_code.empty()) {
        return Invalid("parent", "only a province may have no parent");
    }
    for (const auto& entry : agency.history) {
        if (!IsValidIsoDate(entry.date)) {
            return Invalid("history.date", "history dates must be YYYY-MM-DD");
        }
    }
    return Done{};
}

Outcome<Done> ValidateAgencyTree(const std::vector<Agency>& agencies,
                                 const std::function<bool(std::string_view)>& is_stored) {
    std::unordered_map<std::string_view, const Agency*> by_code;
    for (std::size_t i = 0; i < agencies.size(); ++i) {
        const auto& agency = agencies[i];
        if (!by_code.emplace(agency.code, &agency).second) {
            return Invalid("agencies[" + std::to_string(i) + "].code",
                           "duplicate agency code " + agency.code);
        }
    }
    for (std::size_t i = 0; i < agencies.size(); ++i) {
        const auto& agency = agencies[i];
        if (agency.parent_code.empty()) {
            continue;
        }
        if (!by_code.contains(agency.parent_code) && !is_stored(agency.parent_code)) {
            return Invalid("agencies[" + std::to_string(i) + "].parent",
                           "unknown parent agency " + agency.parent_code);
        }
        // Walk up within the file; a chain longer than the file is a cycle.
        const Agency* cursor = &agency;
        for (std::size_t steps = 0; cursor != nullptr && !cursor->parent_code.empty(); ++steps) {
            if (steps > agencies.size()) {
                return Invalid("agencies[" + std::to_string(i) + "].parent",
                               "agency parents form a cycle at " + agency.code);
            }
            const auto parent = by_code.find(cursor->parent_code);
            cursor = parent == by_code.end() ? nullptr : parent->second;
        }
    }
    return Done{};
}

Outcome<Done> ValidateProcedure(const Procedure& procedure,
                                const std::function<bool(std::string_view)>& is_field,
                                const std::function<bool(std::string_view)>& is_agency) {
    if (procedure.code.empty() || procedure.code.size() > 64) {
        return Invalid("code", "procedure code is required, at most 64 characters");
    }
    if (!IsValidNationalCode(procedure.national_code)) {
        return Invalid("national_code", "national code must look like 1.001193");
    }
    if (procedure.name_vi.empty()) {
        return Invalid("name_vi", "name_vi is required");
    }
    if (!is_field(procedure.field_code)) {
        return Invalid("field", "unknown field " + procedure.field_code);
    }
    if (procedure.level == ProcedureLevel::kProvince && procedure.competent_agency.empty()) {
        return Invalid("competent_agency", "a province-level procedure names its agency");
    }
    for (const auto* code : {&procedure.competent_agency, &procedure.receiving_agency}) {
        if (!code->empty() && !is_agency(*code)) {
            return Invalid(
                code == &procedure.competent_agency ? "competent_agency" : "receiving_agency",
                "unknown agency " + *code);
        }
    }
    if (procedure.processing_time.amount <= 0) {
        return Invalid("processing_time.amount", "processing time must be positive");
    }
    for (const auto& fee : procedure.fees) {
        if (fee.amount_vnd < 0 || fee.name_vi.empty()) {
            return Invalid("fees", "fees have a name and an amount of at least 0");
        }
        std::set<std::string_view> exemption_codes;
        for (const auto& exemption : fee.exemptions) {
            if (!IsExemptionCode(exemption.code) || exemption.name_vi.empty() ||
                !exemption_codes.insert(exemption.code).second) {
                return Invalid("fees.exemptions",
                               "exemptions have a unique code of a-z, 0-9 and _ and a name");
            }
        }
    }
    std::set<std::string_view> component_codes;
    for (const auto& component : procedure.components) {
        if (component.code.empty() || !component_codes.insert(component.code).second) {
            return Invalid("components.code", "component codes are unique and not empty");
        }
        if (component.name_vi.empty() || component.originals < 0 || component.copies < 0) {
            return Invalid("components", "components have a name and non-negative counts");
        }
        if (!component.result_of_procedure.empty() &&
            !IsValidNationalCode(component.result_of_procedure)) {
            return Invalid("components.result_of_procedure", "must be a national code");
        }
    }
    if (procedure.steps.empty()) {
        return Invalid("steps", "a procedure has at least one step");
    }
    int share_total = 0;
    for (const auto& step : procedure.steps) {
        if (step.share_percent < 0 || step.name_vi.empty()) {
            return Invalid("steps", "steps have a name and a non-negative share");
        }
        if (!step.agency_code.empty() && !is_agency(step.agency_code)) {
            return Invalid("steps.agency", "unknown agency " + step.agency_code);
        }
        share_total += step.share_percent;
    }
    if (share_total != 100) {
        return Invalid("steps.share_percent",
                       "step shares must sum to 100, not " + std::to_string(share_total));
    }
    if (procedure.applicant_kinds.empty()) {
        return Invalid("applicant_kinds", "at least one applicant kind");
    }
    for (const auto& kind : procedure.applicant_kinds) {
        if (kind != "citizen" && kind != "organisation") {
            return Invalid("applicant_kinds", "applicant kinds are citizen or organisation");
        }
    }
    if (procedure.version < 1) {
        return Invalid("version", "version starts at 1");
    }
    if (!IsValidIsoDate(procedure.effective_from)) {
        return Invalid("effective_from", "effective_from must be a date YYYY-MM-DD");
    }
    return Done{};
}

}  // namespace motcua::domain
