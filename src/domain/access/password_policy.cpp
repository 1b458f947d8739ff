#include "domain/access/password_policy.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include <zxcvbn.h>

#include "common/text_lines.hpp"
#include "domain/access/password_lists.hpp"

namespace motcua::domain {
namespace {

Error Weak(std::string detail) {
    return MakeError(ErrorKind::kInvalid, "weak_password", "password", std::move(detail));
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), LowerAscii);
    return lower;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Every entry of the embedded lists, lower case; comment lines ("#!comment") left out.
std::unordered_set<std::string> ReadCommonPasswords() {
    std::unordered_set<std::string> entries;
    for (const auto name : password_lists::Names()) {
        for (const auto line : SplitLines(password_lists::Get(name))) {
            if (!line.empty() && !line.starts_with("#!comment")) {
                entries.insert(Lower(line));
            }
        }
    }
    return entries;
}

const std::unordered_set<std::string>& CommonPasswords() {
    static const std::unordered_set<std::string> entries = ReadCommonPasswords();
    return entries;
}

// The words zxcvbn should treat as the cheapest guesses: the login, the holder's name, and
// the words of this product and its place.
double EntropyBits(std::string_view password, const PasswordSubject& subject) {
    std::vector<std::string> words = {Lower(subject.login), "motcua",  "dichvucong", "khanhhoa",
                                      "nhatrang",           "vietnam", "matkhau"};
    std::string word;
    for (const char c : std::string(subject.name) + " ") {
        if (c == ' ') {
            if (word.size() >= 3) {
                words.push_back(Lower(word));
            }
            word.clear();
        } else {
            word += c;
        }
    }
    std::vector<const char*> dictionary;
    dictionary.reserve(words.size() + 1);
    for (const auto& entry : words) {
        dictionary.push_back(entry.c_str());
    }
    dictionary.push_back(nullptr);
    const std::string text(password);
    return ZxcvbnMatch(text.c_str(), dictionary.data(), nullptr);
}

}  // namespace

bool IsCommonPassword(std::string_view password) {
    const auto& common = CommonPasswords();
    std::string lower = Lower(password);
    if (common.contains(lower)) {
        return true;
    }
    // A listed password with digits and symbols after it: "dragon@2026", "iloveyou123!".
    while (!lower.empty() && !IsAsciiAlpha(lower.back())) {
        lower.pop_back();
    }
    return lower.size() >= 4 && lower.size() < password.size() && common.contains(lower);
}

Outcome<Done> CheckPasswordPolicy(std::string_view password, const PasswordSubject& subject) {
    if (std::any_of(password.begin(), password.end(), [](char c) {
            const auto byte = static_cast<unsigned char>(c);
            return byte < 0x20 || byte == 0x7F;
        })) {
        return Weak("no control characters (tab, new line, NUL…)");
    }
    if (password.size() < kMinPasswordLength) {
        return Weak("at least " + std::to_string(kMinPasswordLength) + " characters");
    }
    if (password.size() > kMaxPasswordLength) {
        return Weak("at most " + std::to_string(kMaxPasswordLength) + " characters");
    }
    if (password == kDemoPassword) {
        // Public in the README: the demo accounts' password, and nothing else's.
        if (!subject.demo_password_allowed) {
            return Weak("not the demo password published in the README");
        }
        return Done{};
    }
    if (std::all_of(password.begin(), password.end(),
                    [&](char c) { return c == password.front(); })) {
        return Weak("not one repeated character");
    }
    if (subject.login.size() >= 4 &&
        Lower(password).find(Lower(subject.login)) != std::string::npos) {
        return Weak("must not contain the login");
    }
    if (IsCommonPassword(password)) {
        return Weak("not a common password");
    }
    int classes = 0;
    const auto has = [&](auto predicate) {
        return std::any_of(password.begin(), password.end(),
                           [&](char c) { return predicate(static_cast<unsigned char>(c)); });
    };
    classes += has([](unsigned char c) { return c >= 'a' && c <= 'z'; }) ? 1 : 0;
    classes += has([](unsigned char c) { return c >= 'A' && c <= 'Z'; }) ? 1 : 0;
    classes += has([](unsigned char c) { return c >= '0' && c <= '9'; }) ? 1 : 0;
    // Anything else counts as a symbol, including the bytes of Vietnamese letters.
    classes += has([](unsigned char c) {
        return !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9');
    })
                   ? 1
                   : 0;
    if (password.size() < kPassphraseLength && classes < 3) {
        return Weak(
            "mix three of: lower case, upper case, digits, symbols (or use 16+ characters)");
    }
    if (EntropyBits(password, subject) < kMinPasswordEntropyBits) {
        return Weak("too easy to guess: avoid names, words, dates, keyboard rows and sequences");
    }
    return Done{};
}

}  // namespace motcua::domain
