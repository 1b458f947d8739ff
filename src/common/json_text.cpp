#include "common/json_text.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include <boost/json.hpp>

namespace motcua {
namespace {

// Doubles whose magnitude is below this and that have no fraction are written as integers.
constexpr double kIntegralLimit = 1e15;

template <typename Number>
void WriteNumber(std::string& out, Number number) {
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
    out.append(buffer.data(), result.ptr);
}

void WriteDouble(std::string& out, double number) {
    if (!std::isfinite(number)) {
        out += "null";
    } else if (std::trunc(number) == number && std::fabs(number) < kIntegralLimit) {
        WriteNumber(out, static_cast<std::int64_t>(number));
    } else {
        // The shortest text that reads back as the same double, without an exponent.
        std::array<char, 400> buffer{};  // A double's fixed form needs at most 309 + 17 chars.
        const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number,
                                          std::chars_format::fixed);
        out.append(buffer.data(), result.ptr);
    }
}

void WriteString(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (byte < 0x20) {
                    out += "\\u00";
                    out += kHex[byte >> 4U];
                    out += kHex[byte & 0xFU];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

void Write(std::string& out, const boost::json::value& json) {
    switch (json.kind()) {
        case boost::json::kind::null:
            out += "null";
            break;
        case boost::json::kind::bool_:
            out += json.get_bool() ? "true" : "false";
            break;
        case boost::json::kind::int64:
            WriteNumber(out, json.get_int64());
            break;
        case boost::json::kind::uint64:
            WriteNumber(out, json.get_uint64());
            break;
        case boost::json::kind::double_:
            WriteDouble(out, json.get_double());
            break;
        case boost::json::kind::string:
            WriteString(out, json.get_string());
            break;
        case boost::json::kind::array: {
            out += '[';
            bool first = true;
            for (const auto& item : json.get_array()) {
                if (!first) {
                    out += ',';
                }
                first = false;
                Write(out, item);
            }
            out += ']';
            break;
        }
        case boost::json::kind::object: {
            out += '{';
            bool first = true;
            for (const auto& entry : json.get_object()) {
                if (!first) {
                    out += ',';
                }
                first = false;
                WriteString(out, entry.key());
                out += ':';
                Write(out, entry.value());
            }
            out += '}';
            break;
        }
    }
}

}  // namespace

std::string ToJsonText(const boost::json::value& json) {
    std::string out;
    out.reserve(256);
    Write(out, json);
    return out;
}

}  // namespace motcua
