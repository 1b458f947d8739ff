#include "interchange/duplicate_keys.hpp"

#include <deque>
#include <unordered_set>
#include <vector>

#include <boost/json.hpp>

namespace motcua::interchange {
namespace {

struct Frame {
    bool is_object = false;
    bool expecting_key = false;
    std::unordered_set<std::string_view> keys;
};

// The end of the string that opens at `open` (the index of its quote), past the closing quote.
std::size_t StringEnd(std::string_view text, std::size_t open) {
    std::size_t i = open + 1;
    while (i < text.size() && text[i] != '"') {
        i += text[i] == '\\' ? 2 : 1;
    }
    return i + 1;
}

}  // namespace

std::optional<std::string> FindDuplicateKey(std::string_view text) {
    std::vector<Frame> frames;
    std::deque<std::string> decoded;  // Keys written with escapes, decoded; the views point here.
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
            const std::size_t end = StringEnd(text, i);
            if (!frames.empty() && frames.back().is_object && frames.back().expecting_key) {
                std::string_view key = text.substr(i + 1, end - i - 2);
                if (key.find('\\') != std::string_view::npos) {
                    boost::system::error_code error;
                    const auto value = boost::json::parse(text.substr(i, end - i), error);
                    if (!error && value.is_string()) {
                        key = decoded.emplace_back(value.get_string());
                    }
                }
                if (!frames.back().keys.insert(key).second) {
                    return std::string(key);
                }
                frames.back().expecting_key = false;
            }
            i = end;
            continue;
        }
        if (c == '{' || c == '[') {
            frames.push_back(Frame{c == '{', c == '{', {}});
        } else if (c == '}' || c == ']') {
            if (!frames.empty()) {
                frames.pop_back();
            }
        } else if (c == ',' && !frames.empty() && frames.back().is_object) {
            frames.back().expecting_key = true;
        }
        ++i;
    }
    return std::nullopt;
}

}  // namespace motcua::interchange
