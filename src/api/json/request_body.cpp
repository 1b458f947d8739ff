#include "api/json/request_body.hpp"

#include "api/errors.hpp"
#include "interchange/duplicate_keys.hpp"
#include "interchange/number_range.hpp"

namespace motcua::api::json {

Outcome<boost::json::object> ParseJsonBody(const Request& request) {
    const auto type = request.Header("content-type");
    if (type.substr(0, type.find(';')) != "application/json") {
        return MakeError(ErrorKind::kUnsupportedMediaType, "unsupported_media_type",
                         "content-type");
    }
    boost::system::error_code error;
    boost::json::parse_options options;
    options.max_depth = 32;
    auto value = boost::json::parse(request.body, error, {}, options);
    if (error || !value.is_object()) {
        return MakeError(ErrorKind::kInvalid, "invalid_json", "body",
                         error ? error.message() : "the body must be a JSON object");
    }
    if (auto key = interchange::FindDuplicateKey(request.body)) {
        return MakeError(ErrorKind::kInvalid, "duplicate_key", *key);
    }
    if (auto path = interchange::FindNumberOutOfRange(value)) {
        return MakeError(ErrorKind::kInvalid, "invalid_json", *path, "the number is out of range");
    }
    return std::move(value.as_object());
}

Outcome<std::string> OptionalString(const boost::json::object& body, std::string_view key) {
    const auto* value = body.if_contains(key);
    if (value == nullptr) {
        return std::string{};
    }
    if (!value->is_string()) {  // null too: no request field is documented nullable.
        return InvalidParameter(key);
    }
    return std::string(value->get_string());
}

Outcome<std::string> OptionalChoice(const boost::json::object& body, std::string_view key) {
    auto text = OptionalString(body, key);
    if (text && text.Value().empty() && body.contains(key)) {
        return InvalidParameter(key);
    }
    return text;
}

Outcome<std::string> RequiredString(const boost::json::object& body, std::string_view key) {
    auto text = OptionalString(body, key);
    if (text && text.Value().empty()) {
        return InvalidParameter(key);
    }
    return text;
}

Error InvalidField(std::string_view name) {
    return MakeError(ErrorKind::kInvalid, "invalid_parameter", std::string(name));
}

}  // namespace motcua::api::json
