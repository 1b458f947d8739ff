#include "app/audit_key.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/audit/audit_chain.hpp"

namespace motcua::app {

Outcome<std::string> LoadOrCreateAuditKey(const std::string& data_dir) {
    const auto path = std::filesystem::path(data_dir) / "audit-chain.key";
    if (!std::filesystem::exists(path)) {
        unsigned char key[domain::kAuditKeyBytes];
        randombytes_buf(key, sizeof key);
        // O_EXCL: two processes starting together cannot both create (and disagree on) the key.
        const int file = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, S_IRUSR | S_IWUSR);
        if (file >= 0) {
            const bool written = ::write(file, key, sizeof key) == static_cast<ssize_t>(sizeof key);
            const bool synced = ::fsync(file) == 0;
            ::close(file);
            if (!written || !synced) {
                return MakeError(ErrorKind::kUnavailable, "unavailable", "data_dir",
                                 "cannot write " + path.string());
            }
        }
    }
    std::ifstream input(path, std::ios::binary);
    const std::string key((std::istreambuf_iterator<char>(input)),
                          std::istreambuf_iterator<char>());
    if (key.size() != domain::kAuditKeyBytes) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", "data_dir",
                         path.string() + " must hold exactly 32 bytes");
    }
    return key;
}

}  // namespace motcua::app
