#include "domain/search/vietnamese_text.hpp"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace motcua::domain::search {
namespace {

TEST(VietnameseText, FoldsProcedureNameInAnyCase) {
    EXPECT_EQ(FoldForSearch("Đăng ký khai sinh"), "dang ky khai sinh");
    EXPECT_EQ(FoldForSearch("ĐĂNG KÝ KHAI SINH"), "dang ky khai sinh");
    EXPECT_EQ(FoldForSearch("đăng ký khai sinh"), "dang ky khai sinh");
    EXPECT_EQ(FoldForSearch("dang ky khai sinh"), "dang ky khai sinh");
}

TEST(VietnameseText, FoldStripsEveryToneAndVowelMark) {
    EXPECT_EQ(FoldForSearch("àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị"),
              "aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii");
    EXPECT_EQ(FoldForSearch("òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ"),
              "ooooo oooooo oooooo uuuuu uuuuuu yyyyy");
    EXPECT_EQ(FoldForSearch("ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ ÈÉẺẼẸ ÊỀẾỂỄỆ ÌÍỈĨỊ"),
              "aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii");
    EXPECT_EQ(FoldForSearch("ÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ ÙÚỦŨỤ ƯỪỨỬỮỰ ỲÝỶỸỴ"),
              "ooooo oooooo oooooo uuuuu uuuuuu yyyyy");
}

TEST(VietnameseText, FoldMapsDStrokeToD) {
    EXPECT_EQ(FoldForSearch("đ"), "d");
    EXPECT_EQ(FoldForSearch("Đ"), "d");
    EXPECT_EQ(FoldForSearch("Đồng Đăng"), "dong dang");
}

TEST(VietnameseText, FoldAcceptsDecomposedInput) {
    // "Hòa" and "Nguyễn" typed with combining marks (NFD), as some keyboards and PDFs produce.
    EXPECT_EQ(FoldForSearch("Ho\u0300a"), "hoa");
    EXPECT_EQ(FoldForSearch("Nguye\u0302\u0303n"), "nguyen");
}

TEST(VietnameseText, FoldTurnsPunctuationAndSymbolsIntoSingleSpaces) {
    EXPECT_EQ(FoldForSearch("  Đăng   ký,\tkhai-sinh!! \n"), "dang ky khai sinh");
    EXPECT_EQ(FoldForSearch("nhận cha, mẹ, con"), "nhan cha me con");
    EXPECT_EQ(FoldForSearch("a+b=c €5 © (x)"), "a b c 5 x");
    EXPECT_EQ(FoldForSearch("1.001193"), "1 001193");
    EXPECT_EQ(FoldForSearch("“Giấy phép” — số 12/2024/QĐ-UBND"), "giay phep so 12 2024 qd ubnd");
}

TEST(VietnameseText, FoldOfNothingIsEmpty) {
    EXPECT_EQ(FoldForSearch(""), "");
    EXPECT_EQ(FoldForSearch("   \t\n"), "");
    EXPECT_EQ(FoldForSearch(" ,.;!? "), "");
}

TEST(VietnameseText, FoldAppliesCompatibilityForms) {
    EXPECT_EQ(FoldForSearch("ＦＵＬＬ ｗｉｄｔｈ"), "full width");
    EXPECT_EQ(FoldForSearch("khai\u00ADsinh"), "khaisinh");  // Soft hyphen is ignorable.
    EXPECT_EQ(FoldForSearch("Straße"), "strasse");
}

TEST(VietnameseText, FoldReplacesInvalidUtf8WithoutCrashing) {
    EXPECT_EQ(FoldForSearch("kh\xFF"
                            "ai sinh"),
              "khai sinh");
    EXPECT_EQ(FoldForSearch("khai sinh \xC3"), "khai sinh");  // Truncated 2-byte.
    EXPECT_EQ(FoldForSearch("\xE1\xBA khai"), "khai");        // Truncated 3-byte.
    EXPECT_EQ(FoldForSearch("\xC0\xAF"
                            "abc"),
              "abc");  // Overlong encoding.
    EXPECT_EQ(FoldForSearch("\xED\xA0\x80"
                            "x"),
              "x");  // Encoded surrogate.
    EXPECT_EQ(FoldForSearch("\xFF\xFE\xFD"), "");
    EXPECT_EQ(FoldForSearch(std::string("a\0b", 3)), "a b");  // NUL is a control.
    EXPECT_EQ(NormalizeForMatch("Ho\xFF\xE0"), "ho");
    EXPECT_EQ(SplitWords("\x80\x80 \xF0\x9F").size(), 0U);
}

TEST(VietnameseText, FoldIsIdempotent) {
    for (const char* text : {"Đăng ký khai sinh", "ĐĂNG KÝ, kết hôn!", "Hòa  Thuỷ"}) {
        const std::string once = FoldForSearch(text);
        EXPECT_EQ(FoldForSearch(once), once) << text;
    }
}

TEST(VietnameseText, NormalizeKeepsDiacriticsAndFoldsCase) {
    EXPECT_EQ(NormalizeForMatch("Đăng Ký  Khai Sinh"), "đăng ký khai sinh");
    EXPECT_EQ(NormalizeForMatch("ĐĂNG KÝ, KHAI SINH."), "đăng ký khai sinh");
    EXPECT_EQ(NormalizeForMatch("Ho\u0300a"), NormalizeForMatch("Hòa"));  // NFD input.
    EXPECT_EQ(NormalizeForMatch(""), "");
}

TEST(VietnameseText, NormalizeCanonicalisesOldAndNewTonePlacement) {
    const std::vector<std::pair<const char*, const char*>> same = {
        {"Hoà", "Hòa"},     {"Thuỷ", "Thủy"},   {"hoá", "hóa"},   {"Khánh Hoà", "Khánh Hòa"},
        {"Khoá", "Khóa"},   {"uỳ", "ùy"},       {"khoẻ", "khỏe"}, {"HOÀ", "hòa"},
        {"ngoài", "ngòai"}, {"hoàng", "hòang"}, {"quý", "qúy"},   {"già", "gìa"},
        {"thuở", "thủơ"},
    };
    for (const auto& [a, b] : same) {
        EXPECT_EQ(NormalizeForMatch(a), NormalizeForMatch(b)) << a << " / " << b;
    }
    // The canonical placement is the modern one: tone on the main vowel.
    EXPECT_EQ(NormalizeForMatch("Hòa"), "hoà");
    EXPECT_EQ(NormalizeForMatch("Thủy"), "thuỷ");
    EXPECT_EQ(NormalizeForMatch("Khánh Hòa"), "khánh hoà");
}

TEST(VietnameseText, NormalizeLeavesCorrectSpellingsAlone) {
    for (const char* word :
         {"quý",  "giữa",   "người", "rượu",  "mùa",  "túi",    "mía",   "máy",
          "cáo",  "chịu",   "khuỷu", "ngoài", "xoáy", "nguyễn", "huỳnh", "khuyến",
          "quốc", "giường", "gì",    "hoặc",  "thuế", "khuya"}) {
        EXPECT_EQ(NormalizeForMatch(word), word) << word;
    }
}

TEST(VietnameseText, NormalizeKeepsDifferentWordsDifferent) {
    EXPECT_NE(NormalizeForMatch("hòa"), NormalizeForMatch("hoa"));
    EXPECT_NE(NormalizeForMatch("hòa"), NormalizeForMatch("họa"));
    EXPECT_NE(NormalizeForMatch("hoa"), NormalizeForMatch("họa"));
    EXPECT_NE(NormalizeForMatch("hòa"), NormalizeForMatch("hóa"));
    EXPECT_NE(NormalizeForMatch("mua"), NormalizeForMatch("mưa"));
    // All of them still fold to the same search word.
    EXPECT_EQ(FoldForSearch("họa"), FoldForSearch("Hoà"));
}

TEST(VietnameseText, NormalizeLeavesNonVietnameseWordsAlone) {
    EXPECT_EQ(NormalizeForMatch("Café"), "café");
    EXPECT_EQ(NormalizeForMatch("élève"), "élève");  // Two tone-like marks: untouched.
    EXPECT_EQ(NormalizeForMatch("Αθήνα"), "αθήνα");
}

TEST(VietnameseText, NormalizeIsIdempotent) {
    for (const char* text : {"Khánh Hòa", "THỦY lợi", "gìa hóa"}) {
        const std::string once = NormalizeForMatch(text);
        EXPECT_EQ(NormalizeForMatch(once), once) << text;
    }
}

TEST(VietnameseText, SplitWordsAlignsFoldedAndMatchForms) {
    const std::vector<WordForms> words = SplitWords("Đăng ký: Khánh Hòa, 2024!");
    const std::vector<WordForms> expected = {
        {"dang", "đăng"}, {"ky", "ký"}, {"khanh", "khánh"}, {"hoa", "hoà"}, {"2024", "2024"}};
    EXPECT_EQ(words, expected);
    // An orphan combining mark (after a space) belongs to no word in either form.
    const std::vector<WordForms> orphan = SplitWords("a \u0301 b");
    ASSERT_EQ(orphan.size(), 2U);
    EXPECT_EQ(orphan[1].matched, "b");
    for (const WordForms& word : SplitWords("Thủy lợi ĐĂNG KÝ Straße ＡＢＣ")) {
        EXPECT_EQ(FoldForSearch(word.matched), word.folded);
    }
}

TEST(VietnameseText, TokenizeSplitsOnWhitespace) {
    EXPECT_EQ(Tokenize("dang ky  khai sinh"),
              (std::vector<std::string>{"dang", "ky", "khai", "sinh"}));
    EXPECT_EQ(Tokenize("  dang\tky "), (std::vector<std::string>{"dang", "ky"}));
    EXPECT_TRUE(Tokenize("").empty());
    EXPECT_TRUE(Tokenize("   ").empty());
}

TEST(VietnameseText, FoldKeyKeepsPunctuationAndFoldsCase) {
    EXPECT_EQ(FoldKey("  1.001193.000.00.00.H32 "), "1.001193.000.00.00.h32");
    EXPECT_EQ(FoldKey("H32.02"), FoldKey("h32.02"));
    EXPECT_NE(FoldKey("H32.02"), FoldKey("H3202"));
    EXPECT_EQ(FoldKey(" \t"), "");
}

}  // namespace
}  // namespace motcua::domain::search
