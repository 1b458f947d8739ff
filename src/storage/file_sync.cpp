#include "storage/file_sync.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace motcua::storage {

bool SyncPath(const std::filesystem::path& path) {
    const int file = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (file < 0) {
        return false;
    }
    const bool synced = ::fsync(file) == 0;
    ::close(file);
    return synced;
}

}  // namespace motcua::storage
