// Vietnamese-aware text normalisation for search. Two forms of every text: the *folded* form
// (no case, no diacritics, đ → d, punctuation → spaces) used for matching what people type on any
// keyboard, and the *match* form (no case, diacritics kept, tone marks placed canonically) used to
// prefer exact spellings and to treat "Hoà"/"Hòa", "Thuỷ"/"Thủy" as the same word.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace motcua::domain::search {

/// Both search forms of one word of a text; `folded == FoldForSearch(matched)` always holds.
struct WordForms {
    std::string folded;   ///< FoldForSearch form: lower case, no diacritics, đ → d.
    std::string matched;  ///< NormalizeForMatch form: lower case, diacritics kept, canonical tone.

    friend bool operator==(const WordForms&, const WordForms&) = default;
};

/// Folds UTF-8 text for accent-insensitive search: "ĐĂNG KÝ, khai-sinh" → "dang ky khai sinh".
///
/// Steps: invalid UTF-8 → U+FFFD; NFKC_Casefold (NFC + compatibility forms + full case fold +
/// removal of default-ignorable characters); all combining marks removed; đ → d; letters, digits
/// and spacing marks kept; U+FFFD and format characters dropped; every other character
/// (punctuation, symbols, whitespace, controls) becomes a separator; words joined by one space.
/// The result is NFC, has no leading/trailing space and is empty when the text has no word.
std::string FoldForSearch(std::string_view utf8);

/// Normalises UTF-8 text for diacritic-sensitive matching: "Khánh Hòa" → "khánh hoà".
///
/// Same words as FoldForSearch (same separators, same case fold) but the diacritics are kept
/// and, within each Vietnamese syllable, the tone mark is moved to its canonical vowel (rule in
/// vietnamese_text.cpp), so old-style and new-style spellings compare equal. NFC output.
std::string NormalizeForMatch(std::string_view utf8);

/// Splits UTF-8 text into words, giving each word's folded and match forms (aligned by design).
std::vector<WordForms> SplitWords(std::string_view utf8);

/// Splits an already folded string on whitespace, dropping empty pieces.
std::vector<std::string> Tokenize(std::string_view folded);

/// Folds an exact key (a code such as "1.001193.000.00.00.H32"): NFC, full case fold and trimming
/// of surrounding whitespace only; punctuation and diacritics are kept verbatim.
std::string FoldKey(std::string_view utf8);

}  // namespace motcua::domain::search
