#include "domain/payments/amount_in_words.hpp"

#include <array>
#include <string_view>
#include <vector>

namespace motcua::domain {
namespace {

constexpr std::array<std::string_view, 10> kDigits = {"không", "một", "hai", "ba",  "bốn",
                                                      "năm",   "sáu", "bảy", "tám", "chín"};
// Thousand, million, billion (tỷ), then thousand and million tỷ.
constexpr std::array<std::string_view, 5> kScales = {"", "nghìn", "triệu", "tỷ", "nghìn tỷ"};

void Add(std::vector<std::string_view>& words, std::string_view word) { words.push_back(word); }

/// A group of three digits. `leading`: the amount's first group (no "không trăm", no "linh").
void ReadGroup(int group, bool leading, std::vector<std::string_view>& words) {
    const int hundreds = group / 100;
    const int tens = group / 10 % 10;
    const int units = group % 10;
    if (hundreds > 0 || !leading) {
        Add(words, kDigits[hundreds]);
        Add(words, "trăm");
    }
    if (tens == 0) {
        if (units > 0 && (hundreds > 0 || !leading)) {
            Add(words, "linh");
        }
    } else if (tens == 1) {
        Add(words, "mười");
    } else {
        Add(words, kDigits[tens]);
        Add(words, "mươi");
    }
    if (units == 0) {
        return;
    }
    if (units == 1 && tens > 1) {
        Add(words, "mốt");
    } else if (units == 5 && tens > 0) {
        Add(words, "lăm");
    } else {
        Add(words, kDigits[units]);
    }
}

}  // namespace

std::string AmountInWords(std::int64_t amount) {
    if (amount < 0 || amount > kMaxAmountInWords) {
        return std::to_string(amount) + " đồng";
    }
    std::vector<int> groups;  // Least significant first.
    for (std::int64_t rest = amount; rest > 0; rest /= 1000) {
        groups.push_back(static_cast<int>(rest % 1000));
    }
    std::vector<std::string_view> words;
    if (groups.empty()) {
        Add(words, "không");
    }
    for (std::size_t i = groups.size(); i-- > 0;) {
        if (groups[i] == 0) {
            continue;
        }
        ReadGroup(groups[i], i + 1 == groups.size(), words);
        if (!kScales[i].empty()) {
            Add(words, kScales[i]);
        }
    }
    Add(words, "đồng");
    std::string text;
    for (const auto word : words) {
        if (!text.empty()) {
            text += ' ';
        }
        text += word;
    }
    text[0] = static_cast<char>(text[0] - 'a' + 'A');  // Every first word starts in ASCII.
    return text;
}

}  // namespace motcua::domain
