// A document the services print (a form, a receipt, an electronic result): its file's bytes and
// the name a browser saves it under.
#pragma once

#include <string>
#include <string_view>

namespace motcua::services {

struct PrintedDocument {
    std::string file_name;  // "receipt-H32.22333.01-261207-0001.pdf"
    std::string pdf;
};

/// A code as part of a file name: codes are stored verbatim (imports may carry anything), so
/// anything but letters, digits, '.', '-' and '_' becomes '_'.
std::string FileNamePart(std::string_view text);

}  // namespace motcua::services
