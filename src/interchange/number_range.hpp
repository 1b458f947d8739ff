// Numbers beyond the range of a double. Boost.JSON reads 1e999 as infinity and writes infinity
// back as the bare word Infinity, which is not JSON: an import or a request body holding one
// would be stored as text that never parses again (RFC 8259 §6 leaves the range of numbers to
// the implementation). MotCua refuses such input where JSON enters: request bodies and imports.
#pragma once

#include <optional>
#include <string>

#include <boost/json/value.hpp>

namespace motcua::interchange {

/// Returns the path of the first number in `json` that is infinite (e.g. "events[2].amount", "$"
/// for the document itself), or nullopt when every number is finite.
std::optional<std::string> FindNumberOutOfRange(const boost::json::value& json);

}  // namespace motcua::interchange
