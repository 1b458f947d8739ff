// The public id of an electronic result: 128 random bits in 26 characters of lower-case base32
// (RFC 4648 alphabet a–z, 2–7), unguessable, so that the verification page shows a result only to
// whoever holds its paper or file.
#pragma once

#include <string>
#include <string_view>

namespace motcua::services {

std::string NewResultId();

/// Whether `text` has the shape of a result id (a reader may upper-case a QR code: callers
/// lower-case first).
bool IsResultId(std::string_view text);

}  // namespace motcua::services
