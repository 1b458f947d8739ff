// How the printed forms write times and dates in Vietnamese, from the forms' RFC 3339 Vietnam
// times ("2026-03-10T09:05:00+07:00").
#pragma once

#include <string>
#include <string_view>

namespace motcua::reporting::render {

/// "09 giờ 05 phút, ngày 10/03/2026"; "" for ""; the text itself when it is not such a time.
std::string TimeInWords(std::string_view rfc3339);

/// "09:05 10/03/2026", for table cells; "" for ""; the text itself when it is not such a time.
std::string ShortTime(std::string_view rfc3339);

/// "Ngày 10 tháng 03 năm 2026", the date line under the national motto; "" for "".
std::string DateLine(std::string_view rfc3339);

}  // namespace motcua::reporting::render
