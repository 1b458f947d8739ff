#include "reporting/render/form_wording.hpp"

#include <cctype>

namespace motcua::reporting::render {
namespace {

// True when `text` starts "YYYY-MM-DDTHH:MM" with digits where digits belong.
bool LooksLikeTime(std::string_view text) {
    static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd";
    if (text.size() < kShape.size()) {
        return false;
    }
    for (std::size_t i = 0; i < kShape.size(); ++i) {
        const bool digit = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
        if (kShape[i] == 'd' ? !digit : text[i] != kShape[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string TimeInWords(std::string_view text) {
    if (!LooksLikeTime(text)) {
        return std::string(text);
    }
    std::string words;
    words.append(text.substr(11, 2))
        .append(" giờ ")
        .append(text.substr(14, 2))
        .append(" phút, ngày ");
    words.append(text.substr(8, 2)).append("/").append(text.substr(5, 2)).append("/");
    words.append(text.substr(0, 4));
    return words;
}

std::string ShortTime(std::string_view text) {
    if (!LooksLikeTime(text)) {
        return std::string(text);
    }
    std::string words(text.substr(11, 5));
    words.append(" ").append(text.substr(8, 2)).append("/").append(text.substr(5, 2));
    words.append("/").append(text.substr(0, 4));
    return words;
}

std::string DateLine(std::string_view text) {
    if (!LooksLikeTime(text)) {
        return {};
    }
    std::string line = "Ngày ";
    line.append(text.substr(8, 2)).append(" tháng ").append(text.substr(5, 2)).append(" năm ");
    line.append(text.substr(0, 4));
    return line;
}

}  // namespace motcua::reporting::render
