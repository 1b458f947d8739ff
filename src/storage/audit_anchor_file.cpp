#include "storage/audit_anchor_file.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

#include "common/text_lines.hpp"

namespace motcua::storage {
namespace {

Error Unavailable(const std::filesystem::path& path, std::string detail) {
    return MakeError(ErrorKind::kUnavailable, "unavailable", path.string(), std::move(detail));
}

}  // namespace

Outcome<Done> AuditAnchorFile::Append(const AuditAnchor& anchor) const {
    const std::string line =
        anchor.at + " " + std::to_string(anchor.seq) + " " + anchor.hash + "\n";
    const int file = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (file < 0) {
        return Unavailable(path_, "cannot open the audit anchor file for appending");
    }
    const bool written =
        ::write(file, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
        ::fsync(file) == 0;
    ::close(file);
    if (!written) {
        return Unavailable(path_, "cannot append to the audit anchor file");
    }
    return Done{};
}

Outcome<std::vector<AuditAnchor>> AuditAnchorFile::ReadAll() const {
    std::vector<AuditAnchor> anchors;
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
        return anchors;  // No anchor written yet.
    }
    std::ostringstream text;
    text << in.rdbuf();
    const std::string content = text.str();
    int number = 0;
    for (const auto line : SplitLines(content)) {
        ++number;
        const auto first = line.find(' ');
        const auto second = line.find(' ', first == std::string_view::npos ? first : first + 1);
        AuditAnchor anchor;
        if (first == std::string_view::npos || second == std::string_view::npos) {
            return Unavailable(path_, "line " + std::to_string(number) + " is not an anchor");
        }
        const auto seq = line.substr(first + 1, second - first - 1);
        const auto parsed = std::from_chars(seq.data(), seq.data() + seq.size(), anchor.seq);
        anchor.at = std::string(line.substr(0, first));
        anchor.hash = std::string(line.substr(second + 1));
        if (parsed.ec != std::errc{} || parsed.ptr != seq.data() + seq.size() || anchor.seq <= 0 ||
            anchor.hash.empty() || anchor.hash.find(' ') != std::string::npos) {
            return Unavailable(path_, "line " + std::to_string(number) + " is not an anchor");
        }
        anchors.push_back(std::move(anchor));
    }
    return anchors;
}

}  // namespace motcua::storage
