// In-memory ranked full-text search over a small-to-medium collection (a province's catalogue of
// procedures or agencies: up to tens of thousands of documents, each a few weighted text fields
// plus exact keys such as codes). Queries are folded (case, diacritics) and matched word by word
// with AND semantics and prefix matching on the last word; hits are ranked by BM25F plus phrase,
// equality and exact-spelling bonuses. Build once with Add, then search from any number of threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace motcua::domain::search {

/// One text field of a document with its ranking weight (finite, > 0), e.g. name 3, summary 1.
struct IndexedField {
    std::string text;
    double weight = 1.0;
};

/// One search result: a document id returned by TextIndex::Add and its score (higher is better).
struct SearchHit {
    std::size_t doc = 0;
    double score = 0.0;

    friend bool operator==(const SearchHit&, const SearchHit&) = default;
};

/// An inverted index with ranked search; Add is not thread-safe, const methods are.
///
/// Ranking (highest first, ties by ascending doc id):
///  * a document whose exact key equals the query (after FoldKey) ranks above all others;
///  * BM25F over the query words, each field's term frequency scaled by its weight and
///    normalised by its length relative to the average length of that field position;
///  * a phrase bonus when the whole folded query occurs contiguously in a field, growing with
///    the share of the field it covers (so shorter fields win), and a larger bonus when the
///    field equals the query; the best field counts;
///  * a small bonus per accented query word whose NormalizeForMatch form occurs in the document
///    ("hòa" prefers "Hòa"/"Hoà" to "Hoa"/"Họa"; all of them match).
/// Fields are compared by position for length normalisation: give them in the same order
/// (name, summary, ...) for every document.
class TextIndex {
public:
    /// Adds a document and returns its dense id (0, 1, ...); `exact_keys` match after FoldKey.
    /// Throws std::invalid_argument when a weight is not finite and positive.
    std::size_t Add(const std::vector<IndexedField>& fields,
                    const std::vector<std::string>& exact_keys = {});

    /// Returns at most `max_hits` hits for documents containing every query word (the last word
    /// may be a prefix unless the query ends with whitespace), best first; empty query → none.
    std::vector<SearchHit> Search(std::string_view query, std::size_t max_hits) const;

    /// Same as Search(query, max_hits) but only among `candidates` (document ids, any order).
    std::vector<SearchHit> Search(std::string_view query, std::size_t max_hits,
                                  std::span<const std::size_t> candidates) const;

    /// Returns the number of documents added so far.
    std::size_t CountDocuments() const { return doc_field_begin_.size() - 1; }

private:
    using TermId = std::uint32_t;
    using DocId = std::uint32_t;

    // One (document, field) in which a term occurs, sorted by (doc, field) in each list.
    struct Posting {
        DocId doc;
        std::uint16_t field;       // Index of the field within its document.
        std::uint8_t tf;           // Occurrences in that field, saturated at 255.
        std::uint8_t prefix_only;  // Only in per-query lists: a completion, not the word.
    };

    struct FieldInfo {
        double weight;
        std::uint32_t token_begin;  // Offset into field_terms_ / field_match_ids_.
        std::uint32_t length;       // Number of words.
    };

    struct QueryWord;

    std::vector<SearchHit> SearchImpl(std::string_view query, std::size_t max_hits,
                                      const std::vector<DocId>* candidates) const;
    std::vector<SearchHit> MatchWords(std::vector<QueryWord>& words,
                                      const std::vector<DocId>* candidates) const;
    double ScoreDocument(DocId doc, const std::vector<QueryWord>& words,
                         const std::vector<double>& average_length, double query_idf,
                         const std::vector<std::uint8_t>& completion) const;
    TermId InternTerm(const std::string& folded);
    std::uint32_t InternMatchForm(const std::string& matched);

    std::map<std::string, TermId, std::less<>> term_ids_;  // Ordered for prefix ranges.
    std::vector<std::string> terms_;                       // TermId → folded word.
    std::vector<std::vector<Posting>> postings_;           // TermId → postings.
    std::vector<std::uint32_t> doc_freq_;                  // TermId → documents containing it.
    std::unordered_map<std::string, std::uint32_t> match_ids_;  // Match form → id.
    std::vector<FieldInfo> fields_;                     // All fields, document after document.
    std::vector<std::uint32_t> doc_field_begin_ = {0};  // DocId → first index in fields_.
    std::vector<TermId> field_terms_;                   // Words of every field, in order.
    std::vector<std::uint32_t> field_match_ids_;        // Aligned with field_terms_.
    std::vector<double> slot_length_sum_;               // Field position → total words.
    std::vector<std::uint32_t> slot_count_;             // Field position → documents.
    std::unordered_map<std::string, std::vector<DocId>> keys_;  // FoldKey(key) → sorted docs.
};

}  // namespace motcua::domain::search
