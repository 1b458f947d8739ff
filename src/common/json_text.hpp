// JSON text as people and typed clients expect it. Boost.JSON 1.81 writes every double in
// exponent form (18.0 as 1.8E1, 81.82 as 8.182E1, 0.0 as 0E0); MotCua's answers and report files
// write integral doubles as integers and the others as plain decimals (18, 81.82, 0.0000001).
#pragma once

#include <string>

#include <boost/json/value.hpp>

namespace motcua {

/// Serializes `json` compactly, numbers as above and strings escaped as RFC 8259 requires
/// (", \ and control characters; other UTF-8 is written as is). Infinity and NaN become null.
std::string ToJsonText(const boost::json::value& json);

}  // namespace motcua
