// Agency (cơ quan): a node of the province's agency tree — the provincial People's Committee, its
// departments (sở, ban, ngành), the communes/wards and the public administration service centres.
// Codes are electronic agency identifiers kept verbatim in both spellings (docs/domain.md §4.5).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace motcua::domain {

enum class AgencyKind {
    kProvince,                 // Ủy ban nhân dân tỉnh.
    kDepartment,               // Sở, ban, ngành.
    kProvincialServiceCentre,  // Trung tâm Phục vụ hành chính công tỉnh.
    kCommune,                  // Ủy ban nhân dân xã/phường/đặc khu.
    kCommuneServiceCentre,     // Trung tâm Phục vụ hành chính công cấp xã.
};

/// One predecessor unit named by a merge or rename (the 2025 reform).
struct AgencyPredecessor {
    std::string admin_unit_code;  // Empty for departments.
    std::string name_vi;
    std::string type;  // "full" or "partial".
};

/// A dated change in the agency's history.
struct AgencyHistoryEntry {
    std::string date;   // YYYY-MM-DD.
    std::string event;  // "merged", "renamed" or "created".
    std::string note_vi;
    std::vector<AgencyPredecessor> from;
};

struct Agency {
    std::string code;
    std::string legacy_code;
    std::string name_vi;
    std::string name_en;
    AgencyKind kind = AgencyKind::kDepartment;
    std::string parent_code;  // Empty only for the province.
    std::string admin_unit_code;
    std::string valid_from;  // YYYY-MM-DD.
    std::string valid_to;    // YYYY-MM-DD or empty.
    std::string address;
    std::string phone;
    std::string email;
    std::vector<AgencyHistoryEntry> history;
    std::string extra_json;  // Unknown import fields, kept verbatim as a JSON object.
};

/// Returns the wire name of `kind` ("province", "department", ...).
const char* AgencyKindName(AgencyKind kind);
/// Parses a wire name; nullopt when unknown.
std::optional<AgencyKind> ParseAgencyKind(std::string_view name);

}  // namespace motcua::domain
