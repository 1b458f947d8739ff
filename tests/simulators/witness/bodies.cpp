// The field checks, in the order of the protocol's fields, so that the first wrong one is named.
// Integers are JSON integers (`5`, not `5.0` or `"5"`); a field present with null is wrong, not
// absent.
#include "simulators/witness/bodies.hpp"

#include <limits>

#include <boost/json.hpp>

#include "simulators/common/json_body.hpp"
#include "simulators/witness/utc_time.hpp"

namespace motcua::sim::witness {
namespace {

namespace json = boost::json;

constexpr std::size_t kHashDigits = 64;
constexpr std::int64_t kNoMost = std::numeric_limits<std::int64_t>::max();

const char* const kNotObject = "body: phải là một JSON object (must be a JSON object)";

// What an integer field may hold; `fallback` is taken when the field is absent (none: required).
struct IntegerRule {
    std::int64_t least = 0;
    std::int64_t most = kNoMost;
    std::optional<std::int64_t> fallback;
};

std::optional<std::string> ReadSource(const json::object& body, std::string& source) {
    const json::value* value = body.if_contains("source");
    if (value == nullptr || !value->is_string() || !IsSource(value->get_string())) {
        return "source: phải là chuỗi 1–128 ký tự [A-Za-z0-9._:-] (must be a string of 1–128 "
               "characters of [A-Za-z0-9._:-])";
    }
    source = std::string(value->get_string());
    return std::nullopt;
}

std::optional<std::string> ReadInteger(const json::object& body, std::string_view name,
                                       const IntegerRule& rule, std::int64_t& target) {
    const json::value* value = body.if_contains(name);
    if (value == nullptr && rule.fallback) {
        target = *rule.fallback;
        return std::nullopt;
    }
    if (value == nullptr || !value->is_int64() || value->get_int64() < rule.least ||
        value->get_int64() > rule.most) {
        const std::string range =
            rule.most == kNoMost ? "≥ " + std::to_string(rule.least)
                                 : std::to_string(rule.least) + "–" + std::to_string(rule.most);
        return std::string(name) + ": phải là số nguyên " + range + " (must be an integer " +
               range + ")";
    }
    target = value->get_int64();
    return std::nullopt;
}

std::optional<std::string> ReadHash(const json::object& body, std::string& hash) {
    const json::value* value = body.if_contains("hash");
    if (value == nullptr || !value->is_string() || !IsChainHash(value->get_string())) {
        return "hash: phải là đúng 64 chữ số hex viết thường (must be exactly 64 lower-case hex "
               "digits)";
    }
    hash = std::string(value->get_string());
    return std::nullopt;
}

std::optional<std::string> ReadTime(const json::object& body, std::string& time) {
    const json::value* value = body.if_contains("anchored_at");
    if (value == nullptr || !value->is_string() || !IsUtcTime(value->get_string())) {
        return "anchored_at: phải là thời điểm UTC dạng YYYY-MM-DDTHH:MM:SS[.ffffff]Z (must be a "
               "UTC time YYYY-MM-DDTHH:MM:SS[.ffffff]Z)";
    }
    time = std::string(value->get_string());
    return std::nullopt;
}

}  // namespace

std::optional<std::string> ParseAnchorCall(std::string_view text, AnchorCall& call) {
    const auto body = ParseObject(text);
    if (!body) {
        return kNotObject;
    }
    if (auto error = ReadSource(*body, call.source)) {
        return error;
    }
    if (auto error = ReadInteger(*body, "seq", {.least = 1}, call.seq)) {
        return error;
    }
    if (auto error = ReadHash(*body, call.hash)) {
        return error;
    }
    return ReadTime(*body, call.anchored_at);
}

std::optional<std::string> ParseListCall(std::string_view text, ListCall& call) {
    const auto body = ParseObject(text);
    if (!body) {
        return kNotObject;
    }
    if (auto error = ReadSource(*body, call.source)) {
        return error;
    }
    if (auto error = ReadInteger(*body, "after_seq", {.least = 0, .fallback = 0}, call.after_seq)) {
        return error;
    }
    return ReadInteger(*body, "limit", {.least = 1, .most = kLargestPage, .fallback = kLargestPage},
                       call.limit);
}

bool IsSource(std::string_view text) {
    if (text.empty() || text.size() > kLongestSource) {
        return false;
    }
    for (const char c : text) {
        const bool fits = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' || c == '-';
        if (!fits) {
            return false;
        }
    }
    return true;
}

bool IsChainHash(std::string_view text) {
    if (text.size() != kHashDigits) {
        return false;
    }
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

}  // namespace motcua::sim::witness
