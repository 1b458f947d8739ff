#include "storage/sql/sql_dialect.hpp"

#include <cctype>

namespace motcua::storage::sql {
namespace {

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Writes the mark {name} (or {name ARGUMENT}) in the backend's dialect.
std::string ExpandMark(std::string_view mark, Backend backend, bool writable) {
    const bool postgres = backend == Backend::kPostgres;
    if (mark == "now") {
        return postgres ? "to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                          "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
                        : "strftime('%Y-%m-%dT%H:%M:%fZ')";
    }
    if (mark == "greatest") {
        return postgres ? "greatest" : "max";
    }
    if (mark == "for_update") {
        return postgres && writable ? " FOR UPDATE" : "";
    }
    if (mark == "for_update_skip_locked") {
        return postgres && writable ? " FOR UPDATE SKIP LOCKED" : "";
    }
    if (constexpr std::string_view kIndexedBy = "indexed_by "; mark.starts_with(kIndexedBy)) {
        return postgres ? "" : " INDEXED BY " + std::string(mark.substr(kIndexedBy.size()));
    }
    // An unknown mark is a programming error; left in place, the server rejects the SQL.
    return "{" + std::string(mark) + "}";
}

}  // namespace

std::string TranslateSql(std::string_view sql, Backend backend, bool writable) {
    std::string out;
    out.reserve(sql.size() + 16);
    bool in_literal = false;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (in_literal || c == '\'') {
            out += c;
            if (c == '\'') {
                in_literal = !in_literal;  // '' inside a literal toggles twice.
            }
            continue;
        }
        if (c == '?' && i + 1 < sql.size() && IsDigit(sql[i + 1])) {
            std::size_t end = i + 1;
            while (end < sql.size() && IsDigit(sql[end])) {
                ++end;
            }
            out += backend == Backend::kPostgres ? '$' : '?';
            out.append(sql.substr(i + 1, end - i - 1));
            if (sql.substr(end, 2) == "::") {
                std::size_t type_end = end + 2;
                while (type_end < sql.size() && (IsWordChar(sql[type_end]) ||
                                                 sql[type_end] == '[' || sql[type_end] == ']')) {
                    ++type_end;
                }
                if (backend == Backend::kPostgres) {
                    out.append(sql.substr(end, type_end - end));
                }
                end = type_end;
            }
            i = end - 1;
            continue;
        }
        if (c == '{') {
            const auto close = sql.find('}', i);
            if (close != std::string_view::npos) {
                out += ExpandMark(sql.substr(i + 1, close - i - 1), backend, writable);
                i = close;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::string Placeholders(int first, std::size_t count) {
    std::string list;
    for (std::size_t i = 0; i < count; ++i) {
        list += (i == 0 ? "?" : ", ?") + std::to_string(first + static_cast<int>(i));
    }
    return list;
}

std::string TextArray(const std::vector<std::string>& items) {
    // Every element is double-quoted with '"' and '\' escaped, so commas, braces, spaces and
    // the word NULL stay plain text.
    std::string literal = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        literal += i == 0 ? "\"" : ",\"";
        for (const char c : items[i]) {
            if (c == '"' || c == '\\') {
                literal += '\\';
            }
            literal += c;
        }
        literal += '"';
    }
    return literal + "}";
}

std::string IntArray(const std::vector<int>& items) {
    std::string literal = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        literal += (i == 0 ? "" : ",") + std::to_string(items[i]);
    }
    return literal + "}";
}

}  // namespace motcua::storage::sql
