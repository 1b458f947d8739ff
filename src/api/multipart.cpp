#include "api/multipart.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace motcua::api {
namespace {

using Parameters = std::vector<std::pair<std::string, std::string>>;

Error Malformed(std::string detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_multipart", "body", std::move(detail));
}

std::string Lower(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

bool IsTokenChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), IsTokenChar);
}

void SkipSpace(std::string_view text, std::size_t& pos) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) {
        ++pos;
    }
}

// RFC 2046 §5.1.1: 1–70 characters from bchars, not ending with a space.
bool IsValidBoundary(std::string_view boundary) {
    constexpr std::string_view kExtra = "'()+_,-./:=? ";
    return !boundary.empty() && boundary.size() <= 70 && boundary.back() != ' ' &&
           std::all_of(boundary.begin(), boundary.end(), [&](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
                      kExtra.find(c) != std::string_view::npos;
           });
}

// Parses `*( OWS ";" OWS name "=" ( token / quoted-string ) ) OWS` (RFC 9110 §5.6.6) into
// lower-case names with their values; fails on anything else, or on a repeated name.
Outcome<Parameters> ParseParameters(std::string_view text, std::string_view where) {
    Parameters parameters;
    std::size_t pos = 0;
    for (;;) {
        SkipSpace(text, pos);
        if (pos == text.size()) {
            return parameters;
        }
        if (text[pos] != ';') {
            return Malformed(std::string(where) + ": expected ';' between parameters");
        }
        ++pos;
        SkipSpace(text, pos);
        const std::size_t name_start = pos;
        while (pos < text.size() && IsTokenChar(text[pos])) {
            ++pos;
        }
        const std::string name = Lower(text.substr(name_start, pos - name_start));
        if (name.empty() || pos == text.size() || text[pos] != '=') {
            return Malformed(std::string(where) + ": a parameter must be name=value");
        }
        ++pos;
        std::string value;
        if (pos < text.size() && text[pos] == '"') {
            ++pos;
            bool closed = false;
            while (pos < text.size()) {
                const char c = text[pos++];
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\') {
                    if (pos == text.size()) {
                        break;
                    }
                    value += text[pos++];
                } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
                    return Malformed(std::string(where) + ": control character in a quoted value");
                } else {
                    value += c;
                }
            }
            if (!closed) {
                return Malformed(std::string(where) + ": unterminated quoted value");
            }
        } else {
            const std::size_t value_start = pos;
            while (pos < text.size() && IsTokenChar(text[pos])) {
                ++pos;
            }
            value = std::string(text.substr(value_start, pos - value_start));
            if (value.empty()) {
                return Malformed(std::string(where) + ": empty value of parameter " + name);
            }
        }
        const bool repeated = std::any_of(parameters.begin(), parameters.end(),
                                          [&](const auto& entry) { return entry.first == name; });
        if (repeated) {
            return Malformed(std::string(where) + ": repeated parameter " + name);
        }
        parameters.emplace_back(name, std::move(value));
    }
}

const std::string* Find(const Parameters& parameters, std::string_view name) {
    for (const auto& [key, value] : parameters) {
        if (key == name) {
            return &value;
        }
    }
    return nullptr;
}

int HexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// RFC 8187 ext-value: UTF-8'language'percent-encoded (the only charset we accept).
Outcome<std::string> DecodeExtValue(const std::string& text) {
    const auto first = text.find('\'');
    const auto second = first == std::string::npos ? first : text.find('\'', first + 1);
    if (second == std::string::npos || Lower(text.substr(0, first)) != "utf-8") {
        return Malformed("Content-Disposition: filename* must be UTF-8''percent-encoded");
    }
    std::string decoded;
    for (std::size_t i = second + 1; i < text.size(); ++i) {
        if (text[i] != '%') {
            decoded += text[i];
            continue;
        }
        const int high = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
        const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
        if (high < 0 || low < 0) {
            return Malformed("Content-Disposition: bad percent-encoding in filename*");
        }
        decoded += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return decoded;
}

// Splits `type/subtype; params` into the lower-case type and its parameters.
Outcome<std::pair<std::string, Parameters>> SplitMediaType(std::string_view text,
                                                           std::string_view where) {
    std::size_t pos = 0;
    SkipSpace(text, pos);
    const std::size_t end = std::min(text.find(';', pos), text.size());
    std::string_view type = text.substr(pos, end - pos);
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) {
        type.remove_suffix(1);
    }
    MOTCUA_ASSIGN_OR_RETURN(auto parameters, ParseParameters(text.substr(end), where));
    return std::pair{Lower(type), std::move(parameters)};
}

// Fills the part's name and filename from its Content-Disposition.
Outcome<Done> ReadDisposition(std::string_view value, MultipartPart& part) {
    MOTCUA_ASSIGN_OR_RETURN(auto split, SplitMediaType(value, "Content-Disposition"));
    const auto& [kind, parameters] = split;
    if (kind != "form-data") {
        return Malformed("Content-Disposition must be form-data");
    }
    const std::string* name = Find(parameters, "name");
    if (name == nullptr || name->empty()) {
        return Malformed("Content-Disposition: every part needs a name");
    }
    part.name = *name;
    if (const std::string* extended = Find(parameters, "filename*")) {
        MOTCUA_ASSIGN_OR_RETURN(auto decoded, DecodeExtValue(*extended));
        part.filename = std::move(decoded);
    } else if (const std::string* filename = Find(parameters, "filename")) {
        part.filename = *filename;
    }
    return Done{};
}

// Reads a part's header lines from `pos` up to and including the empty line.
Outcome<Done> ReadHeaders(std::string_view body, std::size_t& pos, const MultipartLimits& limits,
                          MultipartPart& part) {
    const std::size_t start = pos;
    bool has_disposition = false;
    for (;;) {
        const auto end = body.find("\r\n", pos);
        if (end == std::string_view::npos) {
            return Malformed(body.size() - start > limits.max_header_bytes
                                 ? "part headers are too long"
                                 : "part headers are not terminated by an empty line");
        }
        if (end - start > limits.max_header_bytes) {
            return Malformed("part headers are too long");
        }
        const std::string_view line = body.substr(pos, end - pos);
        pos = end + 2;
        if (line.empty()) {
            break;
        }
        if (line.find_first_of("\r\n") != std::string_view::npos) {
            return Malformed("bare CR or LF in part headers");
        }
        if (line.front() == ' ' || line.front() == '\t') {
            return Malformed("folded header lines are not allowed");
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || !IsToken(line.substr(0, colon))) {
            return Malformed("malformed part header line");
        }
        if (part.headers.size() == limits.max_headers_per_part) {
            return Malformed("too many part headers");
        }
        std::string name = Lower(line.substr(0, colon));
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
            value.remove_prefix(1);
        }
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) {
            value.remove_suffix(1);
        }
        const bool repeated = std::any_of(part.headers.begin(), part.headers.end(),
                                          [&](const auto& header) { return header.first == name; });
        if (repeated) {
            return Malformed("repeated part header " + name);
        }
        if (name == "content-disposition") {
            MOTCUA_RETURN_IF_ERROR(ReadDisposition(value, part));
            has_disposition = true;
        } else if (name == "content-type") {
            part.content_type = std::string(value);
        } else if (name == "content-transfer-encoding") {
            const std::string encoding = Lower(value);
            if (encoding != "binary" && encoding != "8bit" && encoding != "7bit") {
                return Malformed("unsupported Content-Transfer-Encoding " + encoding);
            }
        }
        part.headers.emplace_back(std::move(name), std::string(value));
    }
    if (!has_disposition) {
        return Malformed("a part has no Content-Disposition");
    }
    return Done{};
}

}  // namespace

Outcome<std::string> ParseMultipartBoundary(std::string_view content_type) {
    const auto semicolon = std::min(content_type.find(';'), content_type.size());
    std::string type = Lower(content_type.substr(0, semicolon));
    type.erase(0, std::min(type.find_first_not_of(" \t"), type.size()));
    type.erase(std::min(type.find_last_not_of(" \t") + 1, type.size()));
    if (type != "multipart/form-data") {
        return MakeError(ErrorKind::kUnsupportedMediaType, "multipart_required", "content-type",
                         "expected multipart/form-data");
    }
    MOTCUA_ASSIGN_OR_RETURN(auto parameters,
                            ParseParameters(content_type.substr(semicolon), "Content-Type"));
    const std::string* boundary = Find(parameters, "boundary");
    if (boundary == nullptr || !IsValidBoundary(*boundary)) {
        return Malformed("Content-Type: missing or invalid boundary (RFC 2046: 1-70 characters)");
    }
    return *boundary;
}

namespace {

// Parses the parts of a body read through `source` (the whole body in memory, or a spooled
// file); with `in_place`, a file part's body stays in the source and the part gets its range.
Outcome<std::vector<MultipartPart>> ParseParts(MultipartSource& source, const std::string& boundary,
                                               const MultipartLimits& limits, bool in_place) {
    const std::string dash = "--" + boundary;
    const std::string delimiter = "\r\n" + dash;
    std::size_t pos = 0;
    MOTCUA_ASSIGN_OR_RETURN(auto opening, source.Window(0, dash.size()));
    if (opening == dash) {
        pos = dash.size();
    } else {
        // A preamble before the first boundary is allowed and ignored (RFC 2046 §5.1.1).
        MOTCUA_ASSIGN_OR_RETURN(auto first, source.Find(delimiter, 0));
        if (!first) {
            return Malformed("the body does not start with the boundary");
        }
        pos = *first + delimiter.size();
    }
    std::vector<MultipartPart> parts;
    for (;;) {
        // A boundary line: "--" closes the body, else transport padding and CRLF.
        constexpr std::size_t kBoundaryTail = 256;
        MOTCUA_ASSIGN_OR_RETURN(auto tail, source.Window(pos, kBoundaryTail));
        if (tail.substr(0, 2) == "--") {
            // The closing boundary; what follows is the epilogue, ignored.
            if (parts.empty()) {
                return Malformed("the body has no parts");
            }
            return parts;
        }
        std::size_t skipped = 0;
        SkipSpace(tail, skipped);
        if (tail.substr(skipped, 2) != "\r\n") {
            return Malformed("a boundary line must end with CRLF");
        }
        pos += skipped + 2;
        if (parts.size() == limits.max_parts) {
            return Malformed("too many parts");
        }
        MultipartPart part;
        // The headers, read from a window a little longer than their limit.
        MOTCUA_ASSIGN_OR_RETURN(auto headers, source.Window(pos, limits.max_header_bytes + 4));
        std::size_t header_end = 0;
        MOTCUA_RETURN_IF_ERROR(ReadHeaders(headers, header_end, limits, part));
        pos += header_end;
        MOTCUA_ASSIGN_OR_RETURN(auto next, source.Find(delimiter, pos));
        if (!next) {
            return Malformed("the body has no closing boundary");
        }
        const std::size_t size = *next - pos;
        if (in_place && part.filename) {
            part.range = MultipartRange{pos, size};
        } else if (in_place && size > limits.max_field_bytes) {
            return Malformed("a form field is too long");
        } else {
            MOTCUA_ASSIGN_OR_RETURN(auto body, source.Window(pos, size));
            part.body = std::string(body);
        }
        pos = *next + delimiter.size();
        parts.push_back(std::move(part));
    }
}

// The whole body in memory.
class TextSource final : public MultipartSource {
public:
    explicit TextSource(std::string_view text) : text_(text) {}
    Outcome<std::string_view> Window(std::size_t from, std::size_t size) override {
        return from >= text_.size() ? std::string_view{} : text_.substr(from, size);
    }
    Outcome<std::optional<std::size_t>> Find(std::string_view needle, std::size_t from) override {
        const auto found = text_.find(needle, from);
        return found == std::string_view::npos ? std::nullopt : std::optional(found);
    }

private:
    std::string_view text_;
};

}  // namespace

Outcome<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type,
                                                   std::string_view body,
                                                   const MultipartLimits& limits) {
    MOTCUA_ASSIGN_OR_RETURN(auto boundary, ParseMultipartBoundary(content_type));
    TextSource source(body);
    return ParseParts(source, boundary, limits, false);
}

Outcome<std::vector<MultipartPart>> ParseMultipartInPlace(std::string_view content_type,
                                                          MultipartSource& source,
                                                          const MultipartLimits& limits) {
    MOTCUA_ASSIGN_OR_RETURN(auto boundary, ParseMultipartBoundary(content_type));
    return ParseParts(source, boundary, limits, true);
}

}  // namespace motcua::api
