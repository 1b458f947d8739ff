// A strict multipart/form-data parser (RFC 7578 over RFC 2046): the boundary comes from the
// request's Content-Type; each part has CRLF-terminated headers and a Content-Disposition of
// form-data with a name (and a filename for files). Anything malformed — a missing closing
// boundary, a bare LF, a folded or duplicated header, a part without a name — rejects the whole
// body with an error saying what is wrong; there are no partial results. Debian 12 packages no
// small, maintained HTTP form-data parser in C or C++ (libmimetic and GMime are mail MIME
// libraries), so this one is ours.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http_types.hpp"
#include "common/outcome.hpp"

namespace motcua::api {

/// Where a part's body lies in the source it was parsed from.
struct MultipartRange {
    std::size_t offset = 0;
    std::size_t size = 0;
};

struct MultipartPart {
    std::string name;                     // Content-Disposition name.
    std::optional<std::string> filename;  // Content-Disposition filename (filename* preferred).
    std::string content_type;             // As the client sent it ("" when absent): never trusted.
    HeaderList headers;                   // All headers, names in lower case.
    std::string body;                     // Empty for a file part parsed in place.
    std::optional<MultipartRange> range;  // A file part parsed in place: its bytes in the source.
};

struct MultipartLimits {
    std::size_t max_parts = 64;
    std::size_t max_headers_per_part = 16;
    std::size_t max_header_bytes = std::size_t{8} * 1024;  // Per part, all header lines together.
    std::size_t max_field_bytes = std::size_t{64} * 1024;  // A field (not a file) parsed in place.
};

/// A body too large to hold in memory (a spooled upload), read a window at a time.
class MultipartSource {
public:
    virtual ~MultipartSource() = default;
    /// Up to `size` bytes from `from` (fewer at the end); valid until the next call.
    virtual Outcome<std::string_view> Window(std::size_t from, std::size_t size) = 0;
    /// The offset of the first `needle` at or after `from`, or nullopt.
    virtual Outcome<std::optional<std::size_t>> Find(std::string_view needle, std::size_t from) = 0;
};

/// Returns the boundary of a `multipart/form-data` Content-Type; kInvalid
/// "multipart_required" (param content-type) for any other type, "invalid_multipart" for a
/// missing or malformed boundary.
Outcome<std::string> ParseMultipartBoundary(std::string_view content_type);

/// Parses a whole multipart/form-data body; kInvalid "invalid_multipart" (param body, detail
/// saying why) when malformed.
Outcome<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type,
                                                   std::string_view body,
                                                   const MultipartLimits& limits = {});

/// Parses a body read through `source`, leaving each file part's bytes where they are: the part
/// has a `range` and an empty `body`. Fields are read into memory up to max_field_bytes.
Outcome<std::vector<MultipartPart>> ParseMultipartInPlace(std::string_view content_type,
                                                          MultipartSource& source,
                                                          const MultipartLimits& limits = {});

}  // namespace motcua::api
