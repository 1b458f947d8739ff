#include "storage/postgres/pg_statement.hpp"

namespace motcua::storage::postgres {

PgStatement& PgStatement::Bind(std::string_view text) {
    values_.emplace_back(std::string(text));
    return *this;
}

PgStatement& PgStatement::Bind(std::int64_t number) {
    values_.emplace_back(std::to_string(number));
    return *this;
}

PgStatement& PgStatement::BindNull() {
    values_.emplace_back(std::nullopt);
    return *this;
}

PgStatement& PgStatement::BindOrNull(const std::string& text) {
    return text.empty() ? BindNull() : Bind(text);
}

pqxx::result PgStatement::Run() {
    // libpqxx sends a null pointer as SQL NULL and copies every other value.
    std::vector<const char*> pointers;
    pointers.reserve(values_.size());
    for (const auto& value : values_) {
        pointers.push_back(value ? value->c_str() : nullptr);
    }
    return transaction_.exec_params(sql_, pqxx::prepare::make_dynamic_params(pointers));
}

std::string Text(const pqxx::field& field) {
    return field.is_null() ? std::string{} : std::string(field.c_str(), field.size());
}

std::int64_t Int(const pqxx::field& field) {
    return field.is_null() ? 0 : field.as<std::int64_t>();
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

}  // namespace motcua::storage::postgres
