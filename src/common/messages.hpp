// MessageCatalog: user-facing text keyed by a stable code, Vietnamese first, English second.
// Loaded from resources/messages/{vi,en}.tsv (one "code<TAB>text" per line, '#' comments).
// A text may contain "{param}", replaced by the parameter at fault.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace motcua {

struct LocalizedText {
    std::string vi;
    std::string en;
};

class MessageCatalog {
public:
    /// Parses the two catalogue files; a code missing from one language falls back to the other.
    static MessageCatalog Parse(std::string_view vi_tsv, std::string_view en_tsv);

    /// Returns the texts for `code` with {param} substituted; unknown codes give the code itself.
    LocalizedText Render(std::string_view code, std::string_view param = {}) const;
    /// Returns true when the catalogue has a text for `code` in both languages.
    bool Has(std::string_view code) const;

private:
    std::unordered_map<std::string, std::string> vi_;
    std::unordered_map<std::string, std::string> en_;
};

}  // namespace motcua
