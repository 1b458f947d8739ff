#include "domain/search/vietnamese_text.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

namespace motcua::domain::search {
namespace {

constexpr UChar32 kReplacementCharacter = 0xFFFD;
constexpr UChar32 kSmallDStroke = 0x0111;    // đ: has no canonical decomposition.
constexpr UChar32 kCapitalDStroke = 0x0110;  // Đ

// Vietnamese tone marks (combining forms): huyền, sắc, ngã, hỏi, nặng.
constexpr UChar32 kGrave = 0x0300;
constexpr UChar32 kAcute = 0x0301;
constexpr UChar32 kTilde = 0x0303;
constexpr UChar32 kHookAbove = 0x0309;
constexpr UChar32 kDotBelow = 0x0323;
// Vietnamese vowel-quality marks: â ê ô (circumflex), ă (breve), ơ ư (horn).
constexpr UChar32 kCircumflex = 0x0302;
constexpr UChar32 kBreve = 0x0306;
constexpr UChar32 kHorn = 0x031B;

enum class CharClass {
    kWord,       // Letter, digit or spacing mark: part of a word.
    kMark,       // Non-spacing or enclosing mark: diacritic of the preceding character.
    kDrop,       // Removed without splitting the word (U+FFFD, format characters).
    kSeparator,  // Punctuation, symbol, whitespace, control, unassigned: splits words.
};

CharClass Classify(UChar32 c) {
    if (c == kReplacementCharacter) {
        return CharClass::kDrop;
    }
    switch (u_charType(c)) {
        case U_UPPERCASE_LETTER:
        case U_LOWERCASE_LETTER:
        case U_TITLECASE_LETTER:
        case U_MODIFIER_LETTER:
        case U_OTHER_LETTER:
        case U_DECIMAL_DIGIT_NUMBER:
        case U_LETTER_NUMBER:
        case U_OTHER_NUMBER:
        case U_COMBINING_SPACING_MARK:
            return CharClass::kWord;
        case U_NON_SPACING_MARK:
        case U_ENCLOSING_MARK:
            return CharClass::kMark;
        case U_FORMAT_CHAR:
            return CharClass::kDrop;
        default:
            return CharClass::kSeparator;
    }
}

void CheckIcuStatus(UErrorCode status) {
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU normalisation failed: ") + u_errorName(status));
    }
}

icu::UnicodeString DecodeUtf8(std::string_view utf8) {
    if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
        throw std::length_error("text too long for normalisation");
    }
    // fromUTF8 replaces every ill-formed sequence with U+FFFD.
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

icu::UnicodeString NormalizeNfc(const icu::UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    CheckIcuStatus(status);
    icu::UnicodeString result = nfc->normalize(text, status);
    CheckIcuStatus(status);
    return result;
}

std::string ToUtf8(const icu::UnicodeString& text) {
    std::string result;
    text.toUTF8String(result);
    return result;
}

bool IsToneMark(UChar32 c) {
    return c == kGrave || c == kAcute || c == kTilde || c == kHookAbove || c == kDotBelow;
}

bool IsQualityMark(UChar32 c) { return c == kCircumflex || c == kBreve || c == kHorn; }

bool IsVowel(UChar32 c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool IsVietnameseLetter(UChar32 c) { return (c >= 'a' && c <= 'z') || c == kSmallDStroke; }

// One letter of a decomposed word: its base character and the marks that follow it.
struct Letter {
    UChar32 base = 0;
    std::size_t begin = 0;  // Index of the base in the word.
    std::size_t end = 0;    // One past the last mark.
    bool has_quality_mark = false;
};

// Chooses, inside the nucleus [first, last) of vowels, the vowel that carries the tone.
//
// Canonical rule (the "new style" of the 1980s orthography rules, as used by the national
// catalogue; applied identically to both spellings so that they compare equal):
//   1. a vowel with a quality mark (ă â ê ô ơ ư) takes the tone; with two (ươ) the last one;
//   2. a single vowel takes the tone;
//   3. with a final consonant, the last vowel takes it (hoàng, toán, huỳnh);
//   4. otherwise, two vowels: oa, oe, uy → the second (hoà, khoẻ, thuỷ); others → the first
//      (hài, mùa, túi, mía);
//   5. three vowels without quality mark → the middle one (ngoài, xoáy, khuỷu).
// The "qu" and "gi" onsets are consonants when a vowel follows (quý, giữa, già).
// Returns `last` when no rule applies (the word is left unchanged).
std::size_t ChooseToneVowel(const std::vector<Letter>& letters, std::size_t first, std::size_t last,
                            bool has_final_consonant) {
    const std::size_t count = last - first;
    std::size_t marked = last;
    for (std::size_t i = first; i < last; ++i) {
        if (letters[i].has_quality_mark) {
            marked = i;
        }
    }
    if (marked != last) {
        return marked;
    }
    if (count == 1) {
        return first;
    }
    if (has_final_consonant) {
        return count <= 3 ? last - 1 : last;
    }
    if (count == 2) {
        const UChar32 a = letters[first].base;
        const UChar32 b = letters[first + 1].base;
        const bool second = (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
        return second ? first + 1 : first;
    }
    if (count == 3) {
        return first + 1;
    }
    return last;
}

// Moves the single tone mark of a decomposed, case-folded Vietnamese syllable to its canonical
// vowel. Words that are not a single plausible Vietnamese syllable (other letters or marks, no
// vowel, several vowel groups, zero or several tone marks) are left unchanged.
void CanonicaliseTone(std::vector<UChar32>& word) {
    std::vector<Letter> letters;
    std::size_t tone_letter = 0;
    UChar32 tone = 0;
    int tone_count = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const UChar32 c = word[i];
        if (Classify(c) == CharClass::kMark) {
            if (letters.empty()) {
                return;
            }
            if (IsToneMark(c)) {
                ++tone_count;
                tone = c;
                tone_letter = letters.size() - 1;
            } else if (IsQualityMark(c)) {
                letters.back().has_quality_mark = true;
            } else {
                return;
            }
            letters.back().end = i + 1;
        } else {
            if (!IsVietnameseLetter(c)) {
                return;
            }
            letters.push_back(Letter{c, i, i + 1, false});
        }
    }
    if (tone_count != 1) {
        return;
    }

    const std::size_t n = letters.size();
    std::size_t i = 0;
    while (i < n && !IsVowel(letters[i].base)) {
        ++i;
    }
    if (i == n) {
        return;
    }
    const bool vowel_follows = i + 1 < n && IsVowel(letters[i + 1].base);
    if (vowel_follows && i == 1 &&
        ((letters[0].base == 'q' && letters[1].base == 'u') ||   // "qu" onset.
         (letters[0].base == 'g' && letters[1].base == 'i'))) {  // "gi" onset.
        ++i;
    }
    const std::size_t nucleus_first = i;
    while (i < n && IsVowel(letters[i].base)) {
        ++i;
    }
    const std::size_t nucleus_last = i;
    for (; i < n; ++i) {
        if (IsVowel(letters[i].base)) {
            return;  // Not a single syllable.
        }
    }
    const std::size_t target =
        ChooseToneVowel(letters, nucleus_first, nucleus_last, nucleus_last < n);
    if (target == nucleus_last || target == tone_letter) {
        return;
    }

    std::vector<UChar32> rebuilt;
    rebuilt.reserve(word.size());
    for (std::size_t l = 0; l < n; ++l) {
        for (std::size_t k = letters[l].begin; k < letters[l].end; ++k) {
            if (l == tone_letter && word[k] == tone) {
                continue;
            }
            rebuilt.push_back(word[k]);
        }
        if (l == target) {
            rebuilt.push_back(tone);  // NFC reorders marks canonically later.
        }
    }
    word.swap(rebuilt);
}

struct TextForms {
    icu::UnicodeString folded;   // Words joined by U+0020, not yet NFC.
    icu::UnicodeString matched;  // Same words with marks, not yet NFC.
};

// The single pass behind every public function, so that the folded and match forms always
// split into the same words.
TextForms ComputeForms(std::string_view utf8, bool want_matched) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    CheckIcuStatus(status);
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    CheckIcuStatus(status);
    const icu::UnicodeString folded_case = casefold->normalize(DecodeUtf8(utf8), status);
    CheckIcuStatus(status);
    const icu::UnicodeString decomposed = nfd->normalize(folded_case, status);
    CheckIcuStatus(status);

    TextForms forms;
    std::vector<UChar32> word;  // Current word, decomposed, with marks.
    bool in_word = false;
    const auto finish_word = [&] {
        if (!in_word) {
            return;
        }
        in_word = false;
        if (!want_matched) {
            return;
        }
        CanonicaliseTone(word);
        if (!forms.matched.isEmpty()) {
            forms.matched.append(static_cast<UChar>(' '));
        }
        for (const UChar32 c : word) {
            forms.matched.append(c);
        }
        word.clear();
    };
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        switch (Classify(c)) {
            case CharClass::kWord:
                if (!in_word) {
                    if (!forms.folded.isEmpty()) {
                        forms.folded.append(static_cast<UChar>(' '));
                    }
                    in_word = true;
                }
                forms.folded.append(c == kSmallDStroke || c == kCapitalDStroke ? UChar32{'d'} : c);
                if (want_matched) {
                    word.push_back(c);
                }
                break;
            case CharClass::kMark:
                // A mark after a separator has no base: dropped in both forms.
                if (in_word && want_matched) {
                    word.push_back(c);
                }
                break;
            case CharClass::kDrop:
                break;
            case CharClass::kSeparator:
                finish_word();
                break;
        }
    }
    finish_word();
    return forms;
}

}  // namespace

std::string FoldForSearch(std::string_view utf8) {
    return ToUtf8(NormalizeNfc(ComputeForms(utf8, /*want_matched=*/false).folded));
}

std::string NormalizeForMatch(std::string_view utf8) {
    return ToUtf8(NormalizeNfc(ComputeForms(utf8, /*want_matched=*/true).matched));
}

std::vector<WordForms> SplitWords(std::string_view utf8) {
    const TextForms forms = ComputeForms(utf8, /*want_matched=*/true);
    const std::vector<std::string> folded = Tokenize(ToUtf8(NormalizeNfc(forms.folded)));
    const std::vector<std::string> matched = Tokenize(ToUtf8(NormalizeNfc(forms.matched)));
    std::vector<WordForms> words;
    words.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size(); ++i) {
        // Both forms have the same word boundaries by construction; guard anyway.
        words.push_back(WordForms{folded[i], i < matched.size() ? matched[i] : folded[i]});
    }
    return words;
}

std::vector<std::string> Tokenize(std::string_view folded) {
    std::vector<std::string> tokens;
    const auto is_space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    std::size_t i = 0;
    while (i < folded.size()) {
        while (i < folded.size() && is_space(folded[i])) {
            ++i;
        }
        const std::size_t begin = i;
        while (i < folded.size() && !is_space(folded[i])) {
            ++i;
        }
        if (i > begin) {
            tokens.emplace_back(folded.substr(begin, i - begin));
        }
    }
    return tokens;
}

std::string FoldKey(std::string_view utf8) {
    icu::UnicodeString key = NormalizeNfc(DecodeUtf8(utf8));
    key.foldCase();
    key.trim();
    return ToUtf8(NormalizeNfc(key));
}

}  // namespace motcua::domain::search
