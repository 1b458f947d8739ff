#include "storage/file_store.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <random>
#include <system_error>

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

namespace motcua::storage {
namespace {

Error IoError(const std::string& what, const std::filesystem::path& path, int error_number) {
    return MakeError(
        ErrorKind::kUnavailable, "unavailable", "",
        what + " " + path.string() + ": " + std::generic_category().message(error_number));
}

Error NotFound(const std::string& sha256) {
    return MakeError(ErrorKind::kNotFound, "file_not_found", IsSha256Hex(sha256) ? sha256 : "");
}

// Closes a descriptor when leaving the scope.
class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int Get() const { return fd_; }
    /// Closes now and reports the error close gives (write-back errors may surface here).
    int Close() {
        const int result = ::close(fd_);
        fd_ = -1;
        return result;
    }

private:
    int fd_;
};

Outcome<Done> SyncFolder(std::filesystem::path folder) {
    if (folder.empty()) {
        folder = ".";  // The parent of a relative root such as "files".
    }
    Descriptor fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.Get() < 0) {
        return IoError("open", folder, errno);
    }
    if (::fsync(fd.Get()) != 0) {
        return IoError("fsync", folder, errno);
    }
    return Done{};
}

Outcome<Done> WriteAll(int fd, std::string_view content, const std::filesystem::path& path) {
    while (!content.empty()) {
        const auto written = ::write(fd, content.data(), content.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return IoError("write", path, errno);
        }
        content.remove_prefix(static_cast<std::size_t>(written));
    }
    return Done{};
}

std::string RandomSuffix() {
    thread_local std::mt19937_64 random{std::random_device{}()};
    return std::to_string(random());
}

}  // namespace

std::string Sha256Hex(std::string_view content) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(content.data()),
                       content.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return hex.data();
}

bool IsSha256Hex(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

DirectoryFileStore::DirectoryFileStore(std::filesystem::path root) : root_(std::move(root)) {}

std::filesystem::path DirectoryFileStore::PathOf(const std::string& sha256) const {
    return root_ / sha256.substr(0, 2) / sha256.substr(2, 2) / sha256;
}

Outcome<std::string> DirectoryFileStore::Put(std::string_view content) {
    std::string sha256 = Sha256Hex(content);
    const auto target = PathOf(sha256);
    std::error_code error;
    if (std::filesystem::exists(target, error)) {
        return sha256;  // Same content, same name: stored once.
    }
    const auto folder = target.parent_path();
    // Create each level and make its entry durable in its parent.
    for (const auto& level : {root_, root_ / sha256.substr(0, 2), folder}) {
        if (!std::filesystem::exists(level, error)) {
            std::filesystem::create_directories(level, error);
            if (error) {
                return IoError("mkdir", level, error.value());
            }
            MOTCUA_RETURN_IF_ERROR(SyncFolder(level.parent_path()));
        }
    }
    const auto temporary = folder / (".tmp-" + sha256.substr(0, 16) + "-" + RandomSuffix());
    {
        Descriptor fd(
            ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0640));
        if (fd.Get() < 0) {
            return IoError("create", temporary, errno);
        }
        auto written = WriteAll(fd.Get(), content, temporary);
        if (written && ::fsync(fd.Get()) != 0) {
            written = IoError("fsync", temporary, errno);
        }
        if (written && fd.Close() != 0) {
            written = IoError("close", temporary, errno);
        }
        if (!written) {
            ::unlink(temporary.c_str());
            return written.GetError();
        }
    }
    // rename() replaces atomically; a concurrent writer of the same content wrote equal bytes.
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        const int rename_error = errno;
        ::unlink(temporary.c_str());
        return IoError("rename", target, rename_error);
    }
    MOTCUA_RETURN_IF_ERROR(SyncFolder(folder));
    return sha256;
}

Outcome<std::string> DirectoryFileStore::Get(const std::string& sha256) {
    if (!IsSha256Hex(sha256)) {
        return NotFound(sha256);  // Also keeps any other text out of the path.
    }
    const auto path = PathOf(sha256);
    Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (fd.Get() < 0) {
        if (errno == ENOENT) {
            return NotFound(sha256);
        }
        return IoError("open", path, errno);
    }
    std::string content;
    char buffer[64 * 1024];
    for (;;) {
        const auto count = ::read(fd.Get(), buffer, sizeof buffer);
        if (count < 0) {
            if (errno == EINTR) {
                continue;
            }
            return IoError("read", path, errno);
        }
        if (count == 0) {
            break;
        }
        content.append(buffer, static_cast<std::size_t>(count));
    }
    return content;
}

Outcome<bool> DirectoryFileStore::Contains(const std::string& sha256) {
    if (!IsSha256Hex(sha256)) {
        return false;
    }
    std::error_code error;
    const bool exists = std::filesystem::exists(PathOf(sha256), error);
    if (error) {
        return IoError("stat", PathOf(sha256), error.value());
    }
    return exists;
}

}  // namespace motcua::storage
