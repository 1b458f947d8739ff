#include "api/request_target.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace motcua::api {

Outcome<RequestTarget> ParseRequestTarget(std::string_view target) {
    auto parsed = boost::urls::parse_origin_form(target);
    if (!parsed) {
        return MakeError(ErrorKind::kInvalid, "bad_request", {}, "malformed request target");
    }
    RequestTarget result;
    for (auto segment : parsed->segments()) {
        if (!segment.empty()) {
            result.segments.emplace_back(segment);
        }
    }
    // In a query string '+' means a space (application/x-www-form-urlencoded) while "%2B" is a
    // plus sign: the decoder must do both in one pass.
    boost::urls::encoding_opts options;
    options.space_as_plus = true;
    for (auto param : parsed->params(options)) {
        result.query.emplace_back(std::string(param.key),
                                  param.has_value ? std::string(param.value) : std::string{});
    }
    return result;
}

}  // namespace motcua::api
