// The documented catalogue interchange format (docs/import-format.md) in both directions:
// import files → domain records, and domain records → the canonical JSON document that is
// stored and served. One mapping, used by the importer, the storage layer and the API.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "common/outcome.hpp"
#include "domain/catalog/agency.hpp"
#include "domain/catalog/procedure.hpp"

namespace motcua::interchange {

/// The content of a procedure import file.
struct ProcedureFile {
    std::vector<domain::Field> fields;
    std::vector<domain::Procedure> procedures;
};

/// Parses `{"agencies": [...]}`; the error's param is the path of the first bad value.
Outcome<std::vector<domain::Agency>> ParseAgencyFile(std::string_view text);
/// Parses `{"fields": [...], "procedures": [...]}`.
Outcome<ProcedureFile> ParseProcedureFile(std::string_view text);

/// Reads one agency from its JSON object; `path` prefixes error locations.
Outcome<domain::Agency> AgencyFromJson(const boost::json::object& object, const std::string& path);
/// Reads one procedure from its JSON object; `path` prefixes error locations.
Outcome<domain::Procedure> ProcedureFromJson(const boost::json::object& object,
                                             const std::string& path);

/// Writes the canonical document of an agency (the import format, unknown fields under "extra").
boost::json::object AgencyToJson(const domain::Agency& agency);
/// Writes the canonical document of a procedure.
boost::json::object ProcedureToJson(const domain::Procedure& procedure);
boost::json::object FieldToJson(const domain::Field& field);
/// Writes `{"amount", "unit", "cutoff"}` of a processing time.
boost::json::object ProcessingTimeToJson(const domain::ProcessingTime& time);

/// Formats minutes after midnight as "HH:MM"; parses it back (nullopt when malformed).
std::string FormatClockTime(int minutes);
std::optional<int> ParseClockTime(std::string_view text);

}  // namespace motcua::interchange
