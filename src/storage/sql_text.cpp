#include "storage/sql_text.hpp"

namespace motcua::storage {

std::string EscapeLike(std::string_view text) {
    std::string escaped;
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') {
            escaped += '\\';
        }
        escaped += c;
    }
    return escaped;
}

}  // namespace motcua::storage
