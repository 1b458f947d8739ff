// JsonReader: reads typed fields out of a JSON object while remembering where it is, so that a
// bad value is reported with its full path ("procedures[3].steps[1].share_percent").
// Fields it is never asked about are collected as the object's unknown fields.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "common/clock.hpp"
#include "common/outcome.hpp"

namespace motcua::interchange {

/// What a JSON null means to a reader: an error except at the keys given to AllowNull (what
/// clients send through the API), or an absent field everywhere (the documents MotCua stored
/// itself, and the history import's lines, written by other systems' exports).
enum class Nulls { kRefused, kAbsent };

class JsonReader {
public:
    JsonReader(const boost::json::object& object, std::string path, Nulls nulls = Nulls::kRefused)
        : object_(object), path_(std::move(path)), nulls_(nulls) {}

    /// Keys whose JSON null stands for "absent" (the fields the API document marks nullable). A
    /// null anywhere else is an error ("must not be null") rather than silently dropped: a
    /// client that sends null where a string is documented has a bug to hear about.
    JsonReader& AllowNull(std::initializer_list<std::string_view> keys);

    /// Returns the string at `key`; records an error when required and missing or not a string.
    std::string String(std::string_view key, bool required);
    std::optional<std::int64_t> Integer(std::string_view key, bool required);
    std::optional<bool> Boolean(std::string_view key, bool required);
    /// Returns the array at `key` (empty when optional and absent).
    const boost::json::array* Array(std::string_view key, bool required);
    const boost::json::object* Object(std::string_view key, bool required);
    /// Returns the optional RFC 3339 date-time at `key`; records an error when it does not parse.
    std::optional<Instant> Time(std::string_view key);
    /// Records an error for `key` (e.g. an enum value out of range).
    void Fail(std::string_view key, const std::string& detail);

    /// Returns the path of a child element, e.g. Path("steps", 2) == "procedures[0].steps[2]".
    std::string Path(std::string_view key, std::optional<std::size_t> index = {}) const;
    /// Returns the first error recorded, if any.
    const std::optional<Error>& GetError() const { return error_; }
    /// Returns the fields never read, as a JSON object text ("" when none).
    std::string UnknownFieldsJson() const;

private:
    const boost::json::value* Find(std::string_view key, bool required);

    const boost::json::object& object_;
    std::string path_;
    Nulls nulls_;
    std::set<std::string, std::less<>> read_;
    std::set<std::string, std::less<>> nullable_;
    std::optional<Error> error_;
};

/// Parses text as one JSON document; a syntax error names the line and column, a repeated key
/// or a number beyond a double's range (1e999) its key or path.
Outcome<boost::json::value> ParseJsonDocument(std::string_view text);

}  // namespace motcua::interchange
