// multipart/form-data uploads (api/multipart.hpp). The first line is the Content-Type, the rest
// the body (CRLF line ends inside). Parsed with the default limits and with tiny ones; a parse
// that succeeds respects its limits and names every part.
#include <cstddef>
#include <cstdint>

#include "api/multipart.hpp"
#include "common/assert.hpp"
#include "fuzz_input.hpp"

namespace {

void Check(const std::vector<motcua::api::MultipartPart>& parts,
           const motcua::api::MultipartLimits& limits, std::size_t body_size) {
    MOTCUA_ASSERT(parts.size() <= limits.max_parts, "no more parts than the limit");
    std::size_t bytes = 0;
    for (const auto& part : parts) {
        MOTCUA_ASSERT(!part.name.empty(), "every part has a name");
        MOTCUA_ASSERT(part.headers.size() <= limits.max_headers_per_part,
                      "no more headers than the limit");
        bytes += part.body.size();
    }
    MOTCUA_ASSERT(bytes <= body_size, "the parts' contents come from the body");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace motcua;
    const auto fields = fuzz::Fields(fuzz::AsText(data, size), 2);
    const std::string_view content_type = fields[0];
    const std::string_view body = fields[1];
    if (const auto boundary = api::ParseMultipartBoundary(content_type)) {
        MOTCUA_ASSERT(!boundary.Value().empty() && boundary.Value().size() <= 70,
                      "a boundary has 1 to 70 characters");
    }
    const api::MultipartLimits defaults;
    if (const auto parts = api::ParseMultipart(content_type, body, defaults)) {
        Check(parts.Value(), defaults, body.size());
    }
    const api::MultipartLimits tiny{
        .max_parts = 2, .max_headers_per_part = 2, .max_header_bytes = 128};
    if (const auto parts = api::ParseMultipart(content_type, body, tiny)) {
        Check(parts.Value(), tiny, body.size());
    }
    return 0;
}
