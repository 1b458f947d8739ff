// QueryParams: typed, validated access to a request's query string. Every failure names the
// parameter ("limit", "level"), which the error renderer shows to the caller.
#pragma once

#include <optional>
#include <string>

#include "api/errors.hpp"
#include "api/http_types.hpp"
#include "common/outcome.hpp"

namespace motcua::api {

class QueryParams {
public:
    explicit QueryParams(const Request& request) : request_(request) {}

    /// Returns the value of `name` if present (a repeated parameter is an error).
    Outcome<std::optional<std::string>> Text(std::string_view name) const;
    /// Like Text for a value that cannot be empty (a code, a list, a cursor): `name=` is an
    /// error naming it, not an absent parameter.
    Outcome<std::optional<std::string>> NonEmptyText(std::string_view name) const;
    /// Returns the integer value of `name`, or `fallback` when absent.
    Outcome<int> Integer(std::string_view name, int fallback) const;
    /// Returns the value of `name` parsed by `parse` (an enum parser), or nullopt when absent.
    template <typename Parser>
    auto Enum(std::string_view name, Parser parse) const
        -> Outcome<decltype(parse(std::string_view{}))>;
    /// Returns true when `name` is "true"/"1", false when absent or "false"/"0".
    Outcome<bool> Flag(std::string_view name) const;
    /// Fails naming the first parameter not in `known`, so typos are not silently ignored.
    Outcome<Done> RejectUnknown(std::initializer_list<std::string_view> known) const;

private:
    const Request& request_;
};

template <typename Parser>
auto QueryParams::Enum(std::string_view name, Parser parse) const
    -> Outcome<decltype(parse(std::string_view{}))> {
    MOTCUA_ASSIGN_OR_RETURN(auto text, Text(name));
    if (!text) {
        return decltype(parse(std::string_view{})){};
    }
    auto parsed = parse(*text);
    if (!parsed) {
        return InvalidParameter(name);
    }
    return parsed;
}

}  // namespace motcua::api
