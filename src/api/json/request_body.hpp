// Reads a JSON request body: it must be declared application/json (which also makes a
// cross-site form post impossible without a CORS preflight) and parse to an object.
#pragma once

#include <boost/json.hpp>

#include "api/http_types.hpp"
#include "common/outcome.hpp"

namespace motcua::api::json {

/// Returns the body as a JSON object; 415 `unsupported_media_type`, 400 `invalid_json` (param
/// body, or the path of a number beyond a double's range such as 1e999) or 400 `duplicate_key`
/// (a key repeated in one object, named by param) otherwise.
Outcome<boost::json::object> ParseJsonBody(const Request& request);

/// Returns the string at `key` ("" when absent); an error naming `key` when not a string
/// (null included: no request field is documented nullable).
Outcome<std::string> OptionalString(const boost::json::object& body, std::string_view key);
/// Like OptionalString for a field whose value is one of a set (an enum): given as "", it is an
/// error naming `key` rather than taken as absent.
Outcome<std::string> OptionalChoice(const boost::json::object& body, std::string_view key);
/// 400 invalid_parameter naming `name`: a body field that is unknown, or not of its type.
Error InvalidField(std::string_view name);
/// Returns the string at `key`; an error naming `key` when absent, empty or not a string.
Outcome<std::string> RequiredString(const boost::json::object& body, std::string_view key);

}  // namespace motcua::api::json
