#include "interchange/json_reader.hpp"

#include "common/time_format.hpp"
#include "interchange/duplicate_keys.hpp"
#include "interchange/number_range.hpp"

namespace motcua::interchange {

JsonReader& JsonReader::AllowNull(std::initializer_list<std::string_view> keys) {
    nullable_.insert(keys.begin(), keys.end());
    return *this;
}

const boost::json::value* JsonReader::Find(std::string_view key, bool required) {
    read_.emplace(key);
    const auto* value = object_.if_contains(key);
    if (value != nullptr && value->is_null() && nulls_ == Nulls::kRefused &&
        !nullable_.contains(key)) {
        Fail(key, "must not be null");
        return nullptr;
    }
    if (value == nullptr || value->is_null()) {
        if (required) {
            Fail(key, "is required");
        }
        return nullptr;
    }
    return value;
}

std::string JsonReader::String(std::string_view key, bool required) {
    const auto* value = Find(key, required);
    if (value == nullptr) {
        return {};
    }
    if (!value->is_string()) {
        Fail(key, "must be a string");
        return {};
    }
    return std::string(value->get_string());
}

std::optional<std::int64_t> JsonReader::Integer(std::string_view key, bool required) {
    const auto* value = Find(key, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (value->is_int64()) {
        return value->get_int64();
    }
    if (value->is_uint64() && value->get_uint64() <= INT64_MAX) {
        return static_cast<std::int64_t>(value->get_uint64());
    }
    Fail(key, "must be an integer");
    return std::nullopt;
}

std::optional<bool> JsonReader::Boolean(std::string_view key, bool required) {
    const auto* value = Find(key, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_bool()) {
        Fail(key, "must be true or false");
        return std::nullopt;
    }
    return value->get_bool();
}

const boost::json::array* JsonReader::Array(std::string_view key, bool required) {
    const auto* value = Find(key, required);
    if (value == nullptr) {
        return nullptr;
    }
    if (!value->is_array()) {
        Fail(key, "must be an array");
        return nullptr;
    }
    return &value->get_array();
}

const boost::json::object* JsonReader::Object(std::string_view key, bool required) {
    const auto* value = Find(key, required);
    if (value == nullptr) {
        return nullptr;
    }
    if (!value->is_object()) {
        Fail(key, "must be an object");
        return nullptr;
    }
    return &value->get_object();
}

std::optional<Instant> JsonReader::Time(std::string_view key) {
    const std::string text = String(key, false);
    if (text.empty()) {
        return std::nullopt;
    }
    auto instant = ParseRfc3339(text);
    if (!instant) {
        Fail(key, "must be an RFC 3339 date-time");
    }
    return instant;
}

void JsonReader::Fail(std::string_view key, const std::string& detail) {
    if (!error_) {
        const std::string where = Path(key);
        error_ = MakeError(ErrorKind::kInvalid, "invalid_import", where, where + " " + detail);
    }
}

std::string JsonReader::Path(std::string_view key, std::optional<std::size_t> index) const {
    std::string path = path_.empty() ? std::string(key) : path_ + "." + std::string(key);
    if (index) {
        path += "[" + std::to_string(*index) + "]";
    }
    return path;
}

std::string JsonReader::UnknownFieldsJson() const {
    boost::json::object unknown;
    for (const auto& entry : object_) {
        if (!read_.contains(entry.key())) {
            unknown.emplace(entry.key(), entry.value());
        }
    }
    return unknown.empty() ? std::string{} : boost::json::serialize(unknown);
}

Outcome<boost::json::value> ParseJsonDocument(std::string_view text) {
    boost::json::parse_options options;
    options.max_depth = 64;
    boost::system::error_code error;
    auto value = boost::json::parse(text, error, {}, options);
    if (error) {
        // Report the line of the failure by counting newlines up to the parser's stop; Boost.JSON
        // does not expose the offset, so we locate it with a streaming parser.
        boost::json::stream_parser parser({}, options);
        boost::system::error_code stream_error;
        const std::size_t consumed = parser.write_some(text.data(), text.size(), stream_error);
        std::size_t line = 1;
        for (std::size_t i = 0; i < consumed && i < text.size(); ++i) {
            line += text[i] == '\n' ? 1 : 0;
        }
        return MakeError(ErrorKind::kInvalid, "invalid_import", "line " + std::to_string(line),
                         "JSON syntax error: " + error.message());
    }
    if (auto key = FindDuplicateKey(text)) {
        return MakeError(ErrorKind::kInvalid, "invalid_import", *key,
                         "the key \"" + *key + "\" appears twice in one object");
    }
    if (auto path = FindNumberOutOfRange(value)) {
        return MakeError(ErrorKind::kInvalid, "invalid_import", *path,
                         *path + " is a number out of range");
    }
    return value;
}

}  // namespace motcua::interchange
