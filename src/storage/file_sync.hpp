// Flushing a file or a folder to disk, for the steps that must be durable before they are
// reported (a backup's files and manifest, a restored database, a renamed file's folder).
#pragma once

#include <filesystem>

namespace motcua::storage {

/// fsyncs the file or folder at `path`; false when it cannot be opened or flushed.
bool SyncPath(const std::filesystem::path& path);

}  // namespace motcua::storage
