// The audit log's anchors outside the database: `<data_dir>/audit-anchors.log`, one line per
// anchor — "<UTC time> <seq> <hash>" — appended (O_APPEND, fsync'd) whenever the chain's head has
// moved, never rewritten. Whoever deletes the newest audit rows and rolls the head back inside
// the database cannot reach rows the anchors name: `motcua audit verify` finds them missing.
// Keep the file append-only for the service account (`chattr +a`) and copy it off the machine
// (docs/security.md, "The audit log").
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/outcome.hpp"

namespace motcua::storage {

/// The anchor file's name in the data directory.
inline constexpr const char* kAuditAnchorFileName = "audit-anchors.log";

struct AuditAnchor {
    std::string at;  // UTC, RFC 3339.
    std::int64_t seq = 0;
    std::string hash;
};

class AuditAnchorFile {
public:
    explicit AuditAnchorFile(std::filesystem::path path) : path_(std::move(path)) {}

    /// Appends `anchor` and flushes it to disk.
    Outcome<Done> Append(const AuditAnchor& anchor) const;
    /// Every anchor, oldest first; none when the file does not exist. A line that is not an
    /// anchor is an error (503 unavailable): the file was damaged or edited.
    Outcome<std::vector<AuditAnchor>> ReadAll() const;

    const std::filesystem::path& GetPath() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace motcua::storage
