// The rules a catalogue record must satisfy before it is stored: code formats (docs/domain.md §4.4,
// §4.5), enum ranges, step time shares summing to 100, and a well-formed agency tree. Each check
// returns the first broken rule as an Error whose `param` names the field.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "common/outcome.hpp"
#include "domain/catalog/agency.hpp"
#include "domain/catalog/procedure.hpp"

namespace motcua::domain {

/// Maximum length of an agency's electronic identifier (QĐ 20/2020/QĐ-TTg Art. 4). Rule:
/// docs/domain.md §4.5.
inline constexpr std::size_t kMaxAgencyCodeLength = 35;

/// Returns true for a code of dot-separated groups of digits and upper-case letters, ≤ 35 chars.
bool IsValidAgencyCode(std::string_view code);
/// Returns true for a national procedure code of the form d.dddddd (docs/domain.md §4.4).
bool IsValidNationalCode(std::string_view code);
/// Returns true for a civil date written YYYY-MM-DD that exists in the calendar.
bool IsValidIsoDate(std::string_view date);

/// Checks one agency on its own (codes, names, dates).
Outcome<Done> ValidateAgency(const Agency& agency);

/// Checks that the agencies form one tree: unique codes, known parents, no cycles.
/// `is_stored` answers whether a parent code already exists in the database.
Outcome<Done> ValidateAgencyTree(const std::vector<Agency>& agencies,
                                 const std::function<bool(std::string_view)>& is_stored);

/// Checks one procedure; `is_field` and `is_agency` answer whether referenced codes exist.
Outcome<Done> ValidateProcedure(const Procedure& procedure,
                                const std::function<bool(std::string_view)>& is_field,
                                const std::function<bool(std::string_view)>& is_agency);

}  // namespace motcua::domain
