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
    for (auto param : parsed->params()) {
        // In a query string '+' means a space (application/x-www-form-urlencoded).
        std::string key(param.key);
        std::string value = param.has_value ? std::string(param.value) : std::string{};
        for (auto* text : {&key, &value}) {
            for (char& c : *text) {
                c = c == '+' ? ' ' : c;
            }
        }
        result.query.emplace_back(std::move(key), std::move(value));
    }
    return result;
}

}  // namespace motcua::api
