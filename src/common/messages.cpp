#include "common/messages.hpp"

#include "common/text_lines.hpp"

namespace motcua {
namespace {

std::unordered_map<std::string, std::string> ParseTsv(std::string_view text) {
    std::unordered_map<std::string, std::string> entries;
    for (const auto line : SplitLines(text)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos) {
            continue;
        }
        entries.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    }
    return entries;
}

std::string Substitute(std::string text, std::string_view param) {
    constexpr std::string_view kPlaceholder = "{param}";
    for (auto at = text.find(kPlaceholder); at != std::string::npos;
         at = text.find(kPlaceholder, at + param.size())) {
        text.replace(at, kPlaceholder.size(), param);
    }
    return text;
}

}  // namespace

MessageCatalog MessageCatalog::Parse(std::string_view vi_tsv, std::string_view en_tsv) {
    MessageCatalog catalog;
    catalog.vi_ = ParseTsv(vi_tsv);
    catalog.en_ = ParseTsv(en_tsv);
    return catalog;
}

LocalizedText MessageCatalog::Render(std::string_view code, std::string_view param) const {
    const std::string key(code);
    const auto vi = vi_.find(key);
    const auto en = en_.find(key);
    std::string vi_text = vi != vi_.end() ? vi->second : (en != en_.end() ? en->second : key);
    std::string en_text = en != en_.end() ? en->second : (vi != vi_.end() ? vi->second : key);
    return {Substitute(std::move(vi_text), param), Substitute(std::move(en_text), param)};
}

bool MessageCatalog::Has(std::string_view code) const {
    const std::string key(code);
    return vi_.contains(key) && en_.contains(key);
}

}  // namespace motcua
