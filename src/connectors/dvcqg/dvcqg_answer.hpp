// DVCQG answer: the pure reading of what the national portal answered (docs/dvcqg.md §1–3): a JSON
// object whose `error_code` "0" is success. The body comes from outside and may be anything —
// not JSON, not an object, numbers where text belongs, megabytes of text: reading never throws,
// anything unexpected is an error, and what is kept is cut to a few KiB.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "connectors/http/kept_text.hpp"

namespace motcua::connectors {

/// Bytes kept of any text the portal sends (a message, a code, a record field).
inline constexpr std::size_t kDvcqgMaxKeptBytes = kMaxKeptBytes;
/// Bytes kept of a session token (tokens can be long; a longer one is refused, never cut).
inline constexpr std::size_t kDvcqgMaxSessionBytes = 8192;

enum class DvcqgAnswerKind {
    kOk,              // error_code "0".
    kExists,          // "-1": the dossier exists already (a create).
    kUnknownDossier,  // "-2": no such dossier (an update or a step).
    kSessionExpired,  // "-9": sign in again and repeat the call once.
    kError,           // Any other code, or a body that is not a well-formed answer.
};

struct DvcqgAnswer {
    DvcqgAnswerKind kind = DvcqgAnswerKind::kError;
    std::string error_code;  // As sent, cut to kDvcqgMaxKeptBytes; empty when absent or not text.
    std::string message;     // The portal's message, or what was wrong with the body; cut.
    std::string session;     // The sign-in answer's token, when it is text of a sane length.
};

/// Reads an answer body. Never throws.
DvcqgAnswer ParseDvcqgAnswer(std::string_view body);
/// Reads an answer already parsed as JSON. Never throws.
DvcqgAnswer ReadDvcqgAnswer(const boost::json::value& document);
/// Parses `body` as JSON within the portal's limits (depth, no comments); nullopt when it is
/// not JSON. Never throws.
std::optional<boost::json::value> ParseDvcqgJson(std::string_view body);

/// Reads a scalar field as text: a string (cut), an integer (decimal), else "".
std::string TextOf(const boost::json::value* value, std::size_t max_bytes = kDvcqgMaxKeptBytes);
/// A one-line description of a non-success answer, e.g. "error_code -2: Hồ sơ không tồn tại".
std::string DescribeDvcqgAnswer(const DvcqgAnswer& answer);

}  // namespace motcua::connectors
