#include "domain/search/text_index.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace motcua::domain::search {
namespace {

constexpr double kNameWeight = 3.0;
constexpr double kDescriptionWeight = 1.0;

std::size_t AddProcedure(TextIndex& index, const std::string& name,
                         const std::string& description = "", const std::string& code = "") {
    std::vector<std::string> keys;
    if (!code.empty()) {
        keys.push_back(code);
    }
    return index.Add({{name, kNameWeight}, {description, kDescriptionWeight}}, keys);
}

std::vector<std::size_t> DocsOf(const std::vector<SearchHit>& hits) {
    std::vector<std::size_t> docs;
    docs.reserve(hits.size());
    for (const SearchHit& hit : hits) {
        docs.push_back(hit.doc);
    }
    return docs;
}

bool Contains(const std::vector<SearchHit>& hits, std::size_t doc) {
    return std::any_of(hits.begin(), hits.end(), [&](const SearchHit& h) { return h.doc == doc; });
}

// A small civil-status catalogue; the exactly named procedure is added late on purpose so that
// the doc-id tie break cannot put it first.
class CivilStatusCatalogue {
public:
    CivilStatusCatalogue() {
        ket_hon = AddProcedure(index, "Đăng ký kết hôn", "Đăng ký kết hôn tại Ủy ban nhân dân xã.",
                               "1.000894");
        nuoc_ngoai = AddProcedure(
            index, "Đăng ký khai sinh có yếu tố nước ngoài",
            "Đăng ký khai sinh cho trẻ em có cha hoặc mẹ là người nước ngoài.", "1.001695");
        lai = AddProcedure(index, "Đăng ký lại khai sinh",
                           "Đăng ký lại việc khai sinh đã đăng ký nhưng sổ hộ tịch bị mất.",
                           "1.004884");
        ket_hop = AddProcedure(index, "Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con",
                               "Đăng ký khai sinh và nhận cha, mẹ, con cùng lúc.", "1.001022");
        khai_tu = AddProcedure(index, "Đăng ký khai tử", "Đăng ký khai tử cho người đã chết.",
                               "1.000656");
        khai_sinh =
            AddProcedure(index, "Đăng ký khai sinh",
                         "Thủ tục đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam.", "1.001193");
        trich_luc = AddProcedure(index, "Cấp bản sao trích lục hộ tịch",
                                 "Cấp bản sao trích lục khai sinh, kết hôn, khai tử.", "1.003583");
        thuong_tru =
            AddProcedure(index, "Đăng ký thường trú", "Đăng ký nơi thường trú.", "1.004194");
        xay_dung =
            AddProcedure(index, "Cấp giấy phép xây dựng", "Giấy phép xây dựng nhà ở.", "1.009972");
    }

    TextIndex index;
    std::size_t ket_hon, nuoc_ngoai, lai, ket_hop, khai_tu, khai_sinh, trich_luc, thuong_tru,
        xay_dung;
};

TEST(TextIndex, AddReturnsDenseIds) {
    TextIndex index;
    EXPECT_EQ(index.CountDocuments(), 0U);
    EXPECT_EQ(index.Add({{"Một", 1.0}}), 0U);
    EXPECT_EQ(index.Add({}), 1U);
    EXPECT_EQ(index.Add({{"Ba", 1.0}, {"", 2.0}}), 2U);
    EXPECT_EQ(index.CountDocuments(), 3U);
}

TEST(TextIndex, AddRejectsInvalidWeights) {
    TextIndex index;
    EXPECT_THROW(index.Add({{"x", 0.0}}), std::invalid_argument);
    EXPECT_THROW(index.Add({{"x", -1.0}}), std::invalid_argument);
    EXPECT_THROW(index.Add({{"x", std::numeric_limits<double>::quiet_NaN()}}),
                 std::invalid_argument);
    EXPECT_THROW(index.Add({{"x", std::numeric_limits<double>::infinity()}}),
                 std::invalid_argument);
    EXPECT_EQ(index.CountDocuments(), 0U);
}

TEST(TextIndex, ExactNameRanksFirstWhateverTheSpelling) {
    const CivilStatusCatalogue c;
    for (const char* query : {"dang ky khai sinh", "ĐĂNG KÝ KHAI SINH", "Đăng ký khai sinh",
                              "đăng ký khai sinh", "  Đăng ký, khai sinh. "}) {
        const std::vector<SearchHit> hits = c.index.Search(query, 10);
        ASSERT_FALSE(hits.empty()) << query;
        EXPECT_EQ(hits[0].doc, c.khai_sinh) << query;
        EXPECT_GT(hits[0].score, hits[1].score) << query;
        for (const std::size_t other : {c.lai, c.nuoc_ngoai, c.ket_hop}) {
            EXPECT_TRUE(Contains(hits, other)) << query << " misses " << other;
        }
        // AND semantics: every word must occur ("khai tử", "kết hôn" lack "sinh").
        EXPECT_FALSE(Contains(hits, c.khai_tu)) << query;
        EXPECT_FALSE(Contains(hits, c.ket_hon)) << query;
        EXPECT_FALSE(Contains(hits, c.thuong_tru)) << query;
    }
}

TEST(TextIndex, PhraseInNameBeatsScatteredWords) {
    const CivilStatusCatalogue c;
    const std::vector<SearchHit> hits = c.index.Search("dang ky khai sinh", 10);
    const std::vector<std::size_t> docs = DocsOf(hits);
    const auto position = [&](std::size_t doc) {
        return std::find(docs.begin(), docs.end(), doc) - docs.begin();
    };
    // "Đăng ký khai sinh có yếu tố nước ngoài" contains the phrase; "Đăng ký lại khai sinh" not.
    EXPECT_LT(position(c.nuoc_ngoai), position(c.lai));
    EXPECT_LT(position(c.ket_hop), position(c.lai));
}

TEST(TextIndex, ExactNameBeatsPhraseRepeatedInHeavierField) {
    TextIndex index;
    // Keywords (weight 5) repeat the phrase: more BM25 and a phrase bonus, but no equality.
    const std::size_t repeated =
        index.Add({{"Đăng ký khai sinh lưu động", 3.0},
                   {"đăng ký khai sinh; đăng ký khai sinh trực tuyến", 5.0}});
    const std::size_t exact = index.Add({{"Đăng ký khai sinh", 3.0}, {"hộ tịch", 5.0}});
    index.Add({{"Đăng ký kết hôn", 3.0}, {"hộ tịch", 5.0}});
    EXPECT_EQ(DocsOf(index.Search("Đăng ký khai sinh", 10)),
              (std::vector<std::size_t>{exact, repeated}));
}

TEST(TextIndex, ScoresAreSortedAndTiesBrokenByDocId) {
    TextIndex index;
    index.Add({{"Xã Bình An", 1.0}});
    index.Add({{"Xã Bình An", 1.0}});
    index.Add({{"Xã Bình An Hạ", 1.0}});
    const std::vector<SearchHit> hits = index.Search("binh an", 10);
    ASSERT_EQ(hits.size(), 3U);
    EXPECT_EQ(DocsOf(hits), (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_DOUBLE_EQ(hits[0].score, hits[1].score);
    EXPECT_GT(hits[1].score, hits[2].score);
}

TEST(TextIndex, EmptyOrWhitespaceQueryReturnsNothing) {
    const CivilStatusCatalogue c;
    EXPECT_TRUE(c.index.Search("", 10).empty());
    EXPECT_TRUE(c.index.Search("   \t ", 10).empty());
    EXPECT_TRUE(c.index.Search(" ,.;- ", 10).empty());
}

TEST(TextIndex, UnknownWordGivesNoHits) {
    const CivilStatusCatalogue c;
    EXPECT_TRUE(c.index.Search("khai sinh xyzzy", 10).empty());
    EXPECT_TRUE(c.index.Search("xyzzy khai sinh", 10).empty());
    EXPECT_EQ(DocsOf(c.index.Search("dang ky khai tu ", 10)),
              (std::vector<std::size_t>{c.khai_tu}));
    // Without the trailing space "tu" is also a prefix ("thủ tục" in a summary).
    EXPECT_EQ(c.index.Search("dang ky khai tu", 10).at(0).doc, c.khai_tu);
}

TEST(TextIndex, LastWordMatchesAsPrefix) {
    const CivilStatusCatalogue c;
    const std::vector<SearchHit> hits = c.index.Search("khai si", 10);
    for (const std::size_t doc : {c.khai_sinh, c.lai, c.nuoc_ngoai, c.ket_hop, c.trich_luc}) {
        EXPECT_TRUE(Contains(hits, doc)) << doc;
    }
    EXPECT_FALSE(Contains(hits, c.khai_tu));
    EXPECT_EQ(c.index.Search("dang ky khai si", 10).at(0).doc, c.khai_sinh);
    EXPECT_EQ(c.index.Search("Đăng ký khai s", 10).at(0).doc, c.khai_sinh);
    // Only the last word may be a prefix; a trailing space marks it complete.
    EXPECT_TRUE(c.index.Search("si khai", 10).empty());
    EXPECT_TRUE(c.index.Search("khai si ", 10).empty());
    EXPECT_FALSE(c.index.Search("khai sinh ", 10).empty());
}

TEST(TextIndex, WholeWordBeatsPrefixCompletion) {
    TextIndex index;
    const std::size_t cong = index.Add({{"Đăng ký công", 1.0}});
    const std::size_t con = index.Add({{"Đăng ký con", 1.0}});
    const std::vector<SearchHit> hits = index.Search("dang ky con", 10);
    EXPECT_EQ(DocsOf(hits), (std::vector<std::size_t>{con, cong}));
    EXPECT_EQ(DocsOf(index.Search("dang ky con ", 10)), (std::vector<std::size_t>{con}));

    TextIndex longer;
    const std::size_t cong_chuc = longer.Add({{"Tuyển dụng công chức mới", 1.0}});
    const std::size_t con_nuoi = longer.Add({{"Tuyển dụng con nuôi mới", 1.0}});
    EXPECT_EQ(DocsOf(longer.Search("con", 10)), (std::vector<std::size_t>{con_nuoi, cong_chuc}));
    EXPECT_EQ(DocsOf(longer.Search("tuyen dung con", 10)),
              (std::vector<std::size_t>{con_nuoi, cong_chuc}));
}

TEST(TextIndex, ExactKeyRanksFirst) {
    const CivilStatusCatalogue c;
    EXPECT_EQ(DocsOf(c.index.Search("1.001193", 10)), (std::vector<std::size_t>{c.khai_sinh}));
    EXPECT_EQ(DocsOf(c.index.Search(" 1.009972 ", 10)), (std::vector<std::size_t>{c.xay_dung}));
    EXPECT_TRUE(c.index.Search("1.00119", 10).empty());  // Keys are not prefix-matched.

    TextIndex index;
    const std::size_t named = index.Add({{"Đăng ký khai sinh", 3.0}});
    const std::size_t coded = index.Add({{"Cấp giấy phép", 3.0}}, {"Khai Sinh", "H32.02"});
    const std::vector<SearchHit> hits = index.Search("khai sinh", 10);
    EXPECT_EQ(DocsOf(hits), (std::vector<std::size_t>{coded, named}));
    EXPECT_EQ(DocsOf(index.Search("h32.02", 10)), (std::vector<std::size_t>{coded}));
}

TEST(TextIndex, OldAndNewTonePlacementGiveIdenticalResults) {
    TextIndex index;
    const std::size_t hoa = index.Add({{"Xã Hoa", 3.0}});
    const std::size_t hoa_nang = index.Add({{"Xã Họa", 3.0}});
    const std::size_t hoa_new = index.Add({{"Xã Hoà", 3.0}});
    const std::size_t hoa_old = index.Add({{"Xã Hòa", 3.0}});
    const std::size_t hoa_binh = index.Add({{"Phường Hoà Bình", 3.0}});

    const std::vector<SearchHit> new_style = index.Search("Hoà", 10);
    const std::vector<SearchHit> old_style = index.Search("Hòa", 10);
    EXPECT_EQ(new_style, old_style);
    ASSERT_EQ(new_style.size(), 5U);
    // Both spellings of "Hòa" first (equal scores, doc id order), then the others still match.
    EXPECT_EQ(new_style[0].doc, hoa_new);
    EXPECT_EQ(new_style[1].doc, hoa_old);
    EXPECT_DOUBLE_EQ(new_style[0].score, new_style[1].score);
    EXPECT_GT(new_style[1].score, new_style[2].score);
    EXPECT_TRUE(Contains(new_style, hoa));
    EXPECT_TRUE(Contains(new_style, hoa_nang));
    EXPECT_TRUE(Contains(new_style, hoa_binh));

    EXPECT_EQ(index.Search("xã họa", 10).at(0).doc, hoa_nang);
    // An unaccented query prefers no spelling: the equally long names tie, by doc id.
    const std::vector<SearchHit> plain = index.Search("xa hoa", 10);
    ASSERT_EQ(plain.size(), 4U);
    EXPECT_EQ(DocsOf(plain), (std::vector<std::size_t>{hoa, hoa_nang, hoa_new, hoa_old}));
    EXPECT_DOUBLE_EQ(plain[0].score, plain[3].score);
}

TEST(TextIndex, ShorterFieldRanksHigherForSameWord) {
    TextIndex index;
    const std::size_t longer = index.Add({{"Khai sinh cho trẻ em bị bỏ rơi", 3.0}});
    const std::size_t shorter = index.Add({{"Khai sinh", 3.0}});
    EXPECT_EQ(DocsOf(index.Search("khai", 10)), (std::vector<std::size_t>{shorter, longer}));
}

TEST(TextIndex, LongerFieldsScoreLowerWithoutPhrase) {
    TextIndex index;
    // The query words sit in different fields, so only BM25 (with length normalisation) ranks.
    const std::size_t longer = index.Add({{"Giấy phép xây dựng công trình", 3.0}, {"Nhà ở", 1.0}});
    const std::size_t shorter = index.Add({{"Giấy phép", 3.0}, {"Nhà ở", 1.0}});
    EXPECT_EQ(DocsOf(index.Search("giay nha", 10)), (std::vector<std::size_t>{shorter, longer}));
}

TEST(TextIndex, FieldWeightsOrderMatches) {
    TextIndex index;
    const std::size_t in_description =
        index.Add({{"Cấp bản sao", 3.0}, {"Trích lục hộ tịch", 1.0}});
    const std::size_t in_name = index.Add({{"Trích lục hộ tịch", 3.0}, {"Cấp bản sao", 1.0}});
    EXPECT_EQ(DocsOf(index.Search("trich luc", 10)),
              (std::vector<std::size_t>{in_name, in_description}));
}

TEST(TextIndex, WordsMayComeFromDifferentFields) {
    TextIndex index;
    const std::size_t doc = index.Add({{"Cấp giấy phép", 3.0}, {"Xây dựng nhà ở", 1.0}});
    EXPECT_EQ(DocsOf(index.Search("giay phep nha o", 10)), (std::vector<std::size_t>{doc}));
}

TEST(TextIndex, MaxHitsKeepsTheBest) {
    const CivilStatusCatalogue c;
    const std::vector<SearchHit> all = c.index.Search("dang ky", 100);
    ASSERT_GE(all.size(), 3U);
    const std::vector<SearchHit> two = c.index.Search("dang ky", 2);
    EXPECT_EQ(two, std::vector<SearchHit>(all.begin(), all.begin() + 2));
    EXPECT_TRUE(c.index.Search("dang ky", 0).empty());
}

TEST(TextIndex, CandidatesRestrictTheResults) {
    const CivilStatusCatalogue c;
    const std::vector<std::size_t> allowed = {c.lai, 999, c.nuoc_ngoai, c.lai, c.ket_hon};
    const std::vector<SearchHit> hits = c.index.Search("dang ky khai sinh", 10, allowed);
    EXPECT_EQ(hits.size(), 2U);
    EXPECT_TRUE(Contains(hits, c.lai));
    EXPECT_TRUE(Contains(hits, c.nuoc_ngoai));
    // Scores are those of the unrestricted search.
    const std::vector<SearchHit> unrestricted = c.index.Search("dang ky khai sinh", 10);
    for (const SearchHit& hit : hits) {
        EXPECT_TRUE(std::find(unrestricted.begin(), unrestricted.end(), hit) != unrestricted.end());
    }
    EXPECT_TRUE(c.index.Search("1.001193", 10, allowed).empty());
    const std::vector<std::size_t> with_key = {c.khai_sinh};
    EXPECT_EQ(DocsOf(c.index.Search("1.001193", 10, with_key)),
              (std::vector<std::size_t>{c.khai_sinh}));
    EXPECT_TRUE(c.index.Search("dang ky", 10, std::vector<std::size_t>{}).empty());
}

TEST(TextIndex, DecomposedAndInvalidTextIsIndexedSafely) {
    TextIndex index;
    const std::size_t nfd = index.Add({{"Kha\u0301nh Ho\u0300a", 1.0}});
    const std::size_t broken = index.Add({{"Đăng k\xFF\xFEý \xC3", 1.0}});
    EXPECT_EQ(DocsOf(index.Search("Khánh Hoà", 10)), (std::vector<std::size_t>{nfd}));
    EXPECT_EQ(DocsOf(index.Search("dang ky", 10)), (std::vector<std::size_t>{broken}));
    EXPECT_TRUE(index.Search("\xFF\xFF", 10).empty());
}

TEST(TextIndex, RepeatedQueryWordsStillMatch) {
    const CivilStatusCatalogue c;
    EXPECT_EQ(c.index.Search("khai khai sinh sinh", 10).at(0).doc, c.khai_sinh);
}

TEST(TextIndex, ConcurrentReadersSeeTheSameResults) {
    const CivilStatusCatalogue c;
    const std::vector<const char*> queries = {"dang ky khai sinh", "Hòa", "khai si", "1.001193",
                                              "cap giay"};
    std::vector<std::vector<SearchHit>> expected;
    expected.reserve(queries.size());
    for (const char* q : queries) {
        expected.push_back(c.index.Search(q, 10));
    }
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    threads.reserve(mismatches.size());
    for (int& mismatch : mismatches) {
        threads.emplace_back([&c, &queries, &expected, &mismatch] {
            for (int round = 0; round < 50; ++round) {
                for (std::size_t q = 0; q < queries.size(); ++q) {
                    if (c.index.Search(queries[q], 10) != expected[q]) {
                        ++mismatch;
                    }
                }
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace motcua::domain::search
