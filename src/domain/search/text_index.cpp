#include "domain/search/text_index.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/search/vietnamese_text.hpp"

namespace motcua::domain::search {
namespace {

// BM25 parameters (the usual defaults).
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
// A word matched only as a prefix of a longer indexed word counts this much of a full match.
constexpr double kPrefixFactor = 0.8;
// Bonuses are multiples of the query's total IDF times the field weight, so they keep the same
// proportion to the BM25 part (which is at most (k1 + 1) times the total IDF) on any corpus.
constexpr double kPhraseBonus = 0.5;    // Scaled by 0.5 + 0.5 * coverage of the field.
constexpr double kEqualityBonus = 1.0;  // The field is exactly the query.
constexpr double kAccentBonus = 0.2;    // Per accented query word spelled the same (× its IDF).
constexpr double kExactKeyScore = 1e9;  // Added for an exact key match: ranks above any text.

// Marks of the indexed words completing a last-word prefix.
constexpr std::uint8_t kCompletion = 1;
constexpr std::uint8_t kExactWord = 2;

constexpr std::uint32_t kNoMatchForm = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kMaxFieldsPerDocument = std::numeric_limits<std::uint16_t>::max();

bool EndsWithWhitespace(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    const char c = text.back();
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

double ComputeIdf(std::size_t documents, std::size_t doc_freq) {
    const auto n = static_cast<double>(documents);
    const auto df = static_cast<double>(doc_freq);
    return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

}  // namespace

// One query word resolved against the vocabulary.
struct TextIndex::QueryWord {
    std::span<const Posting> postings;  // Sorted by (doc, field).
    bool all_prefix_only = false;       // Every posting is a prefix completion, not the word.
    bool prefix_mode = false;           // The word may match as a prefix (last query word).
    std::string folded;                 // The folded word (the prefix in prefix mode).
    TermId exact_term = std::numeric_limits<TermId>::max();  // The word itself, if indexed.
    std::uint32_t match_form = kNoMatchForm;  // Indexed match form, for accented words only.
    double idf = 0.0;
    std::size_t cursor = 0;       // Intersection state.
    std::size_t range_begin = 0;  // Postings of the current document.
    std::size_t range_end = 0;
};

TextIndex::TermId TextIndex::InternTerm(const std::string& folded) {
    const auto it = term_ids_.find(folded);
    if (it != term_ids_.end()) {
        return it->second;
    }
    const auto id = static_cast<TermId>(terms_.size());
    term_ids_.emplace(folded, id);
    terms_.push_back(folded);
    postings_.emplace_back();
    doc_freq_.push_back(0);
    return id;
}

std::uint32_t TextIndex::InternMatchForm(const std::string& matched) {
    const auto id = static_cast<std::uint32_t>(match_ids_.size());
    return match_ids_.emplace(matched, id).first->second;
}

std::size_t TextIndex::Add(const std::vector<IndexedField>& fields,
                           const std::vector<std::string>& exact_keys) {
    if (fields.size() > kMaxFieldsPerDocument) {
        throw std::invalid_argument("TextIndex::Add: too many fields");
    }
    for (const IndexedField& field : fields) {
        if (!std::isfinite(field.weight) || field.weight <= 0.0) {
            throw std::invalid_argument("TextIndex::Add: field weight must be finite and > 0");
        }
    }
    if (CountDocuments() >= std::numeric_limits<DocId>::max() - 1) {
        throw std::length_error("TextIndex::Add: too many documents");
    }
    const auto doc = static_cast<DocId>(CountDocuments());

    std::vector<TermId> sorted_terms;
    for (std::size_t f = 0; f < fields.size(); ++f) {
        const std::vector<WordForms> words = SplitWords(fields[f].text);
        const auto token_begin = static_cast<std::uint32_t>(field_terms_.size());
        for (const WordForms& word : words) {
            field_terms_.push_back(InternTerm(word.folded));
            field_match_ids_.push_back(InternMatchForm(word.matched));
        }
        const auto length = static_cast<std::uint32_t>(words.size());
        fields_.push_back(FieldInfo{fields[f].weight, token_begin, length});
        if (slot_count_.size() <= f) {
            slot_count_.resize(f + 1, 0);
            slot_length_sum_.resize(f + 1, 0.0);
        }
        ++slot_count_[f];
        slot_length_sum_[f] += length;

        sorted_terms.assign(field_terms_.begin() + token_begin, field_terms_.end());
        std::sort(sorted_terms.begin(), sorted_terms.end());
        for (std::size_t i = 0; i < sorted_terms.size();) {
            std::size_t j = i;
            while (j < sorted_terms.size() && sorted_terms[j] == sorted_terms[i]) {
                ++j;
            }
            std::vector<Posting>& list = postings_[sorted_terms[i]];
            if (list.empty() || list.back().doc != doc) {
                ++doc_freq_[sorted_terms[i]];
            }
            list.push_back(Posting{doc, static_cast<std::uint16_t>(f),
                                   static_cast<std::uint8_t>(std::min<std::size_t>(j - i, 255)),
                                   0});
            i = j;
        }
    }
    doc_field_begin_.push_back(static_cast<std::uint32_t>(fields_.size()));

    for (const std::string& key : exact_keys) {
        std::string folded = FoldKey(key);
        if (folded.empty()) {
            continue;
        }
        std::vector<DocId>& docs = keys_[std::move(folded)];
        if (docs.empty() || docs.back() != doc) {
            docs.push_back(doc);
        }
    }
    return doc;
}

std::vector<SearchHit> TextIndex::Search(std::string_view query, std::size_t max_hits) const {
    return SearchImpl(query, max_hits, nullptr);
}

std::vector<SearchHit> TextIndex::Search(std::string_view query, std::size_t max_hits,
                                         std::span<const std::size_t> candidates) const {
    std::vector<DocId> allowed;
    allowed.reserve(candidates.size());
    for (const std::size_t doc : candidates) {
        if (doc < CountDocuments()) {
            allowed.push_back(static_cast<DocId>(doc));
        }
    }
    std::sort(allowed.begin(), allowed.end());
    allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
    return SearchImpl(query, max_hits, &allowed);
}

std::vector<SearchHit> TextIndex::SearchImpl(std::string_view query, std::size_t max_hits,
                                             const std::vector<DocId>* candidates) const {
    if (max_hits == 0) {
        return {};
    }
    const std::vector<WordForms> forms = SplitWords(query);
    const std::string key = FoldKey(query);
    if (key.empty()) {
        return {};  // Empty or whitespace-only: the caller lists instead.
    }

    std::vector<SearchHit> hits;
    if (!forms.empty()) {
        std::vector<QueryWord> words(forms.size());
        for (std::size_t i = 0; i < forms.size(); ++i) {
            words[i].folded = forms[i].folded;
            words[i].prefix_mode = i + 1 == forms.size() && !EndsWithWhitespace(query);
            if (forms[i].matched != forms[i].folded) {  // Accented word: may earn the bonus.
                const auto it = match_ids_.find(forms[i].matched);
                if (it != match_ids_.end()) {
                    words[i].match_form = it->second;
                }
            }
        }
        hits = MatchWords(words, candidates);
    }

    if (const auto it = keys_.find(key); it != keys_.end()) {
        for (const DocId doc : it->second) {
            if (candidates != nullptr &&
                !std::binary_search(candidates->begin(), candidates->end(), doc)) {
                continue;
            }
            // Text hits are sorted by doc id.
            const auto pos =
                std::lower_bound(hits.begin(), hits.end(), doc,
                                 [](const SearchHit& hit, DocId d) { return hit.doc < d; });
            if (pos != hits.end() && pos->doc == doc) {
                pos->score += kExactKeyScore;
            } else {
                hits.insert(pos, SearchHit{doc, kExactKeyScore});
            }
        }
    }

    const auto better = [](const SearchHit& a, const SearchHit& b) {
        return a.score != b.score ? a.score > b.score : a.doc < b.doc;
    };
    const std::size_t keep = std::min(max_hits, hits.size());
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(keep), hits.end(),
                      better);
    hits.resize(keep);
    return hits;
}

std::vector<SearchHit> TextIndex::MatchWords(std::vector<QueryWord>& words,
                                             const std::vector<DocId>* candidates) const {
    const std::size_t documents = CountDocuments();
    // For a last word with several completions: TermId → kCompletion / kExactWord / 0.
    std::vector<std::uint8_t> completion;
    std::vector<std::pair<TermId, std::size_t>> completion_terms;  // (term, doc freq).
    std::size_t scan_word = words.size();                          // Index of that word, if any.
    double query_idf = 0.0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        QueryWord& word = words[i];
        const auto exact = term_ids_.find(word.folded);
        if (exact != term_ids_.end()) {
            word.exact_term = exact->second;
        }
        if (!word.prefix_mode) {
            if (exact == term_ids_.end()) {
                return {};
            }
            word.postings = postings_[exact->second];
            word.idf = ComputeIdf(documents, doc_freq_[exact->second]);
            query_idf += word.idf;
            continue;
        }
        // Every indexed word starting with the prefix; the map is ordered.
        const std::string_view prefix = word.folded;
        std::size_t doc_freq_sum = 0;
        for (auto it = term_ids_.lower_bound(prefix);
             it != term_ids_.end() && std::string_view(it->first).starts_with(prefix); ++it) {
            completion_terms.emplace_back(it->second, doc_freq_[it->second]);
            doc_freq_sum += doc_freq_[it->second];
        }
        if (completion_terms.empty()) {
            return {};
        }
        if (completion_terms.size() == 1) {
            const TermId term = completion_terms.front().first;
            word.postings = postings_[term];
            word.all_prefix_only = term != word.exact_term;
        } else {
            // Occurrences are found by scanning each candidate's fields, which is much cheaper
            // than merging the completions' postings when other words narrow the candidates.
            completion.assign(terms_.size(), 0);
            for (const auto& [term, df] : completion_terms) {
                completion[term] = term == word.exact_term ? kExactWord : kCompletion;
            }
            scan_word = i;
        }
        // The union's document frequency is bounded by the sum (exact for one completion).
        word.idf = ComputeIdf(documents, std::min(documents, doc_freq_sum));
        query_idf += word.idf;
    }

    std::vector<double> average_length(slot_count_.size());
    for (std::size_t s = 0; s < slot_count_.size(); ++s) {
        average_length[s] = slot_count_[s] > 0 ? slot_length_sum_[s] / slot_count_[s] : 0.0;
    }

    // Occurrences of the scan word in `doc`, as postings; false when it has none.
    std::vector<Posting> scratch;
    const auto find_scan_word = [&](DocId doc) {
        if (scan_word == words.size()) {
            return true;
        }
        scratch.clear();
        const std::uint32_t field_begin = doc_field_begin_[doc];
        const std::uint32_t field_end = doc_field_begin_[doc + 1];
        for (std::uint32_t f = field_begin; f < field_end; ++f) {
            const FieldInfo& field = fields_[f];
            const TermId* terms = field_terms_.data() + field.token_begin;
            std::size_t tf = 0;
            bool exact = false;
            for (std::uint32_t t = 0; t < field.length; ++t) {
                const std::uint8_t kind = completion[terms[t]];
                tf += kind != 0 ? 1 : 0;
                exact = exact || kind == kExactWord;
            }
            if (tf > 0) {
                scratch.push_back(Posting{doc, static_cast<std::uint16_t>(f - field_begin),
                                          static_cast<std::uint8_t>(std::min<std::size_t>(tf, 255)),
                                          static_cast<std::uint8_t>(exact ? 0 : 1)});
            }
        }
        QueryWord& word = words[scan_word];
        word.postings = scratch;
        word.range_begin = 0;
        word.range_end = scratch.size();
        return !scratch.empty();
    };
    const auto in_candidates = [&](DocId doc, std::size_t& cursor) {
        if (candidates == nullptr) {
            return true;
        }
        cursor = static_cast<std::size_t>(
            std::lower_bound(candidates->begin() + static_cast<std::ptrdiff_t>(cursor),
                             candidates->end(), doc) -
            candidates->begin());
        return cursor < candidates->size() && (*candidates)[cursor] == doc;
    };

    std::vector<SearchHit> hits;
    std::size_t candidate_cursor = 0;
    std::vector<std::size_t> order;  // Words with postings, shortest list first.
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i != scan_word) {
            order.push_back(i);
        }
    }
    if (order.empty()) {
        // A lone prefix with several completions: the union of their documents.
        std::vector<std::uint8_t> in_union(documents, 0);
        for (const auto& [term, df] : completion_terms) {
            for (const Posting& posting : postings_[term]) {
                in_union[posting.doc] = 1;
            }
        }
        for (DocId doc = 0; doc < documents; ++doc) {
            if (in_union[doc] != 0 && in_candidates(doc, candidate_cursor) && find_scan_word(doc)) {
                hits.push_back(SearchHit{
                    doc, ScoreDocument(doc, words, average_length, query_idf, completion)});
            }
        }
        return hits;
    }

    // Document-at-a-time intersection driven by the shortest list, leapfrogging on misses.
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return words[a].postings.size() < words[b].postings.size();
    });
    QueryWord& driver = words[order.front()];
    const auto lower_bound_doc = [](std::span<const Posting> list, std::size_t from, DocId doc) {
        return static_cast<std::size_t>(
            std::lower_bound(list.begin() + static_cast<std::ptrdiff_t>(from), list.end(), doc,
                             [](const Posting& p, DocId d) { return p.doc < d; }) -
            list.begin());
    };
    std::size_t d = 0;
    while (d < driver.postings.size()) {
        const DocId doc = driver.postings[d].doc;
        std::size_t d_end = d;
        while (d_end < driver.postings.size() && driver.postings[d_end].doc == doc) {
            ++d_end;
        }
        driver.range_begin = d;
        driver.range_end = d_end;
        DocId next_doc = doc;  // > doc when some list lacks `doc`: skip the driver to it.
        if (candidates != nullptr && !in_candidates(doc, candidate_cursor)) {
            if (candidate_cursor == candidates->size()) {
                break;
            }
            next_doc = (*candidates)[candidate_cursor];
        }
        bool exhausted = false;
        for (std::size_t k = 1; k < order.size() && next_doc == doc; ++k) {
            QueryWord& word = words[order[k]];
            word.cursor = lower_bound_doc(word.postings, word.cursor, doc);
            if (word.cursor == word.postings.size()) {
                exhausted = true;
                break;
            }
            if (word.postings[word.cursor].doc != doc) {
                next_doc = word.postings[word.cursor].doc;
                break;
            }
            word.range_begin = word.cursor;
            word.range_end = word.cursor;
            while (word.range_end < word.postings.size() &&
                   word.postings[word.range_end].doc == doc) {
                ++word.range_end;
            }
        }
        if (exhausted) {
            break;
        }
        if (next_doc == doc) {
            if (find_scan_word(doc)) {
                hits.push_back(SearchHit{
                    doc, ScoreDocument(doc, words, average_length, query_idf, completion)});
            }
            d = d_end;
        } else {
            d = lower_bound_doc(driver.postings, d_end, next_doc);
        }
    }
    return hits;
}

double TextIndex::ScoreDocument(DocId doc, const std::vector<QueryWord>& words,
                                const std::vector<double>& average_length, double query_idf,
                                const std::vector<std::uint8_t>& completion) const {
    const std::uint32_t field_begin = doc_field_begin_[doc];
    const std::size_t n = words.size();

    // BM25F: per word, a weighted, length-normalised term frequency summed over fields.
    double bm25 = 0.0;
    double accent = 0.0;
    for (const QueryWord& word : words) {
        double tf = 0.0;
        bool exact_hit = false;
        bool accent_hit = false;
        for (std::size_t p = word.range_begin; p < word.range_end; ++p) {
            const Posting& posting = word.postings[p];
            const FieldInfo& field = fields_[field_begin + posting.field];
            const double norm = 1.0 - kB + kB * field.length / average_length[posting.field];
            tf += field.weight * posting.tf / norm;
            if (!word.all_prefix_only && posting.prefix_only == 0) {
                exact_hit = true;
            }
            if (word.match_form != kNoMatchForm && !accent_hit) {
                const auto* begin = field_match_ids_.data() + field.token_begin;
                accent_hit =
                    std::find(begin, begin + field.length, word.match_form) != begin + field.length;
            }
        }
        double score = word.idf * tf * (kK1 + 1.0) / (kK1 + tf);
        if (!exact_hit) {
            score *= kPrefixFactor;
        }
        bm25 += score;
        if (accent_hit) {
            accent += kAccentBonus * word.idf;
        }
    }

    // Phrase and equality bonuses: the best field containing every query word.
    double best_bonus = 0.0;
    const std::uint32_t field_count = doc_field_begin_[doc + 1] - field_begin;
    for (std::uint32_t f = 0; f < field_count; ++f) {
        bool has_all = true;
        for (const QueryWord& word : words) {
            bool has = false;
            for (std::size_t p = word.range_begin; p < word.range_end && !has; ++p) {
                has = word.postings[p].field == f;
            }
            if (!has) {
                has_all = false;
                break;
            }
        }
        if (!has_all) {
            continue;
        }
        const FieldInfo& field = fields_[field_begin + f];
        const TermId* terms = field_terms_.data() + field.token_begin;
        bool phrase = false;
        bool last_exact = false;
        for (std::size_t start = 0; start + n <= field.length && !phrase; ++start) {
            bool match = true;
            last_exact = true;
            for (std::size_t j = 0; j < n && match; ++j) {
                const TermId term = terms[start + j];
                if (term == words[j].exact_term) {
                    continue;
                }
                if (!words[j].prefix_mode) {
                    match = false;
                } else if (!completion.empty()) {
                    match = completion[term] != 0;
                    last_exact = false;
                } else {
                    match = std::string_view(terms_[term]).starts_with(words[j].folded);
                    last_exact = false;
                }
            }
            phrase = match;
        }
        if (!phrase) {
            continue;
        }
        const double coverage = static_cast<double>(n) / field.length;
        double bonus = kPhraseBonus * (0.5 + 0.5 * coverage);
        if (field.length == n) {
            bonus += kEqualityBonus * (last_exact ? 1.0 : kPrefixFactor);
        }
        best_bonus = std::max(best_bonus, bonus * field.weight * query_idf);
    }
    return bm25 + best_bonus + accent;
}

}  // namespace motcua::domain::search
