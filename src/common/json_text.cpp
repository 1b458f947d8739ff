#include "common/json_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <boost/json.hpp>

namespace motcua {
namespace {

// Doubles whose magnitude is below this and that have no fraction are written as integers.
constexpr double kIntegralLimit = 1e15;

// Most answers fit; larger ones (rankings, lists) grow from here by doubling.
constexpr std::size_t kInitialCapacity = 4096;

// The longest escape of one byte: \u00XX.
constexpr std::size_t kLongestEscape = 6;

// Room for any number: an integer needs at most 20 chars, a double's fixed form 309 + 17.
constexpr std::size_t kNumberRoom = 400;

// True for the bytes RFC 8259 requires escaped inside a string: ", \ and control characters.
constexpr std::array<bool, 256> kNeedsEscape = [] {
    std::array<bool, 256> table{};
    for (std::size_t byte = 0; byte < 0x20; ++byte) {
        table.at(byte) = true;
    }
    table.at('"') = true;
    table.at('\\') = true;
    return table;
}();

// Whether any of the eight bytes in `word` needs an escape, with the classic bit tricks for "some
// byte is zero" and "some byte is below n" (exact for n <= 128).
constexpr bool WordNeedsEscape(std::uint64_t word) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t value) { return (value - kOnes) & ~value & kHighs; };
    const std::uint64_t below_space = (word - kOnes * 0x20U) & ~word & kHighs;
    return (below_space | has_zero(word ^ (kOnes * '"')) | has_zero(word ^ (kOnes * '\\'))) != 0;
}

// Writes `c` at `out`, escaped if it must be; returns the end of what was written.
char* Escaped(char* out, char c) {
    static constexpr char kHex[] = "0123456789abcdef";
    const auto byte = static_cast<unsigned char>(c);
    if (!kNeedsEscape[byte]) {
        *out++ = c;
        return out;
    }
    *out++ = '\\';
    switch (c) {
        case '"':
        case '\\':
            *out++ = c;
            break;
        case '\n':
            *out++ = 'n';
            break;
        case '\r':
            *out++ = 'r';
            break;
        case '\t':
            *out++ = 't';
            break;
        case '\b':
            *out++ = 'b';
            break;
        case '\f':
            *out++ = 'f';
            break;
        default:
            *out++ = 'u';
            *out++ = '0';
            *out++ = '0';
            *out++ = kHex[byte >> 4U];
            *out++ = kHex[byte & 0xFU];
    }
    return out;
}

// The text grows in a string whose tail past `used_` is scratch: each piece asks for its worst
// case once and is written through a pointer. Appending byte by byte, with a capacity check per
// byte, made this writer the dearest part of the dashboard ranking (docs/PERFORMANCE.md, issue 12).
class Writer {
public:
    Writer() { text_.resize(kInitialCapacity); }

    std::string Finish() && {
        text_.resize(used_);
        return std::move(text_);
    }

    void Value(const boost::json::value& json) {
        switch (json.kind()) {
            case boost::json::kind::null:
                Literal("null");
                break;
            case boost::json::kind::bool_:
                Literal(json.get_bool() ? "true" : "false");
                break;
            case boost::json::kind::int64:
                Number(json.get_int64());
                break;
            case boost::json::kind::uint64:
                Number(json.get_uint64());
                break;
            case boost::json::kind::double_:
                Double(json.get_double());
                break;
            case boost::json::kind::string:
                String(json.get_string());
                break;
            case boost::json::kind::array:
                Array(json.get_array());
                break;
            case boost::json::kind::object:
                Object(json.get_object());
                break;
        }
    }

private:
    // A pointer to at least `room` writable chars at the end of the text.
    char* Room(std::size_t room) {
        if (text_.size() - used_ < room) {
            text_.resize(std::max(text_.size() * 2, used_ + room));
        }
        return text_.data() + used_;
    }

    void Advance(const char* end) { used_ = static_cast<std::size_t>(end - text_.data()); }

    void Literal(std::string_view literal) {
        char* out = Room(literal.size());
        std::memcpy(out, literal.data(), literal.size());
        used_ += literal.size();
    }

    void Char(char c) {
        *Room(1) = c;
        ++used_;
    }

    template <typename Integer>
    void Number(Integer number) {
        char* out = Room(kNumberRoom);
        Advance(std::to_chars(out, out + kNumberRoom, number).ptr);
    }

    void Double(double number) {
        if (!std::isfinite(number)) {
            Literal("null");
        } else if (std::trunc(number) == number && std::fabs(number) < kIntegralLimit) {
            Number(static_cast<std::int64_t>(number));
        } else {
            // The shortest text that reads back as the same double, without an exponent.
            char* out = Room(kNumberRoom);
            Advance(std::to_chars(out, out + kNumberRoom, number, std::chars_format::fixed).ptr);
        }
    }

    void String(std::string_view text) {
        char* out = Room(text.size() * kLongestEscape + 2);
        *out++ = '"';
        const char* in = text.data();
        const char* const end = in + text.size();
        // Eight bytes at a time while none needs an escape (the common case: names and codes).
        while (end - in >= static_cast<std::ptrdiff_t>(sizeof(std::uint64_t))) {
            std::uint64_t word = 0;
            std::memcpy(&word, in, sizeof word);
            if (WordNeedsEscape(word)) {
                break;
            }
            std::memcpy(out, in, sizeof word);
            in += sizeof word;
            out += sizeof word;
        }
        for (; in != end; ++in) {
            out = Escaped(out, *in);
        }
        *out++ = '"';
        Advance(out);
    }

    void Array(const boost::json::array& array) {
        Char('[');
        bool first = true;
        for (const auto& item : array) {
            if (!first) {
                Char(',');
            }
            first = false;
            Value(item);
        }
        Char(']');
    }

    void Object(const boost::json::object& object) {
        Char('{');
        bool first = true;
        for (const auto& entry : object) {
            if (!first) {
                Char(',');
            }
            first = false;
            String(entry.key());
            Char(':');
            Value(entry.value());
        }
        Char('}');
    }

    std::string text_;
    std::size_t used_ = 0;
};

}  // namespace

std::string ToJsonText(const boost::json::value& json) {
    Writer writer;
    writer.Value(json);
    return std::move(writer).Finish();
}

}  // namespace motcua
