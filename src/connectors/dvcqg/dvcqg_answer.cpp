#include "connectors/dvcqg/dvcqg_answer.hpp"

#include <cstdio>
#include <exception>

#include <boost/json/parse.hpp>

namespace motcua::connectors {
namespace {

namespace json = boost::json;

DvcqgAnswer Malformed(std::string what) {
    DvcqgAnswer answer;
    answer.kind = DvcqgAnswerKind::kError;
    answer.message = std::move(what);
    return answer;
}

}  // namespace

std::string TextOf(const boost::json::value* value, std::size_t max_bytes) {
    if (value == nullptr) {
        return {};
    }
    if (const auto* text = value->if_string()) {
        return KeepText(*text, max_bytes);
    }
    if (const auto* number = value->if_int64()) {
        return std::to_string(*number);
    }
    if (const auto* number = value->if_uint64()) {
        return std::to_string(*number);
    }
    if (const auto* number = value->if_double()) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", *number);
        return text;
    }
    return {};
}

std::optional<boost::json::value> ParseDvcqgJson(std::string_view body) {
    try {
        json::parse_options options;
        options.max_depth = 32;
        boost::system::error_code error;
        json::value document = json::parse(body, error, json::storage_ptr(), options);
        if (error) {
            return std::nullopt;
        }
        return document;
    } catch (const std::exception&) {  // Out of memory: treated as unreadable.
        return std::nullopt;
    }
}

DvcqgAnswer ReadDvcqgAnswer(const boost::json::value& document) {
    try {
        const auto* object = document.if_object();
        if (object == nullptr) {
            return Malformed("the answer is not a JSON object");
        }
        const auto* code = object->if_contains("error_code");
        if (code == nullptr) {
            return Malformed("the answer has no error_code");
        }
        if (!code->is_string()) {
            return Malformed("the answer's error_code is not text");
        }
        DvcqgAnswer answer;
        answer.error_code = KeepText(code->get_string());
        answer.message = TextOf(object->if_contains("message"));
        if (const auto* session = object->if_contains("session");
            session != nullptr && session->is_string() &&
            session->get_string().size() <= kDvcqgMaxSessionBytes) {
            answer.session = KeepText(session->get_string(), kDvcqgMaxSessionBytes);
        }
        const std::string_view value = code->get_string();
        answer.kind = value == "0"    ? DvcqgAnswerKind::kOk
                      : value == "-1" ? DvcqgAnswerKind::kExists
                      : value == "-2" ? DvcqgAnswerKind::kUnknownDossier
                      : value == "-9" ? DvcqgAnswerKind::kSessionExpired
                                      : DvcqgAnswerKind::kError;
        return answer;
    } catch (const std::exception& exception) {
        return Malformed(std::string("the answer could not be read: ") + exception.what());
    }
}

DvcqgAnswer ParseDvcqgAnswer(std::string_view body) {
    const auto document = ParseDvcqgJson(body);
    if (!document) {
        return Malformed("the answer is not JSON");
    }
    return ReadDvcqgAnswer(*document);
}

std::string DescribeDvcqgAnswer(const DvcqgAnswer& answer) {
    if (answer.error_code.empty()) {
        return KeepText(answer.message);
    }
    std::string text = "error_code " + answer.error_code;
    if (!answer.message.empty()) {
        text += ": " + answer.message;
    }
    return KeepText(text);
}

}  // namespace motcua::connectors
