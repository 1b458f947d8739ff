#include "api/request_target.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <unicode/utf8.h>

namespace motcua::api {
namespace {

// Whether `text` is well-formed UTF-8 (ICU's U8_NEXT: no overlong forms, no surrogates).
bool IsUtf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    for (std::int32_t at = 0; at < length;) {
        UChar32 code_point = 0;
        U8_NEXT(bytes, at, length, code_point);
        if (code_point < 0) {
            return false;
        }
    }
    return true;
}

Error NotUtf8() {
    return MakeError(ErrorKind::kInvalid, "bad_request", {}, "the target is not UTF-8");
}

}  // namespace

Outcome<RequestTarget> ParseRequestTarget(std::string_view target) {
    auto parsed = boost::urls::parse_origin_form(target);
    if (!parsed) {
        return MakeError(ErrorKind::kInvalid, "bad_request", {}, "malformed request target");
    }
    RequestTarget result;
    for (auto segment : parsed->segments()) {
        if (!IsUtf8(segment)) {
            return NotUtf8();  // Decoded text goes to the database, which holds only UTF-8.
        }
        if (!segment.empty()) {
            result.segments.emplace_back(segment);
        }
    }
    // In a query string '+' means a space (application/x-www-form-urlencoded) while "%2B" is a
    // plus sign: the decoder must do both in one pass.
    boost::urls::encoding_opts options;
    options.space_as_plus = true;
    for (auto param : parsed->params(options)) {
        if (!IsUtf8(param.key) || (param.has_value && !IsUtf8(param.value))) {
            return NotUtf8();
        }
        result.query.emplace_back(std::string(param.key),
                                  param.has_value ? std::string(param.value) : std::string{});
    }
    return result;
}

}  // namespace motcua::api
