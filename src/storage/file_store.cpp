#include "storage/file_store.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <random>
#include <system_error>

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
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

// Temporary files being written, under the store's root (the same file system as their target).
constexpr const char* kIncomingFolder = ".incoming";
// Files being deleted by the orphan collection, moved aside first.
constexpr const char* kTrashFolder = ".trash";

// Marks a stored file as stored again now (its modification time), so that the orphan
// collection does not take it while the upload that stored it links it; false when there is no
// such file (then it must be written).
bool Refresh(const std::filesystem::path& path) {
    return ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0) == 0;
}

std::filesystem::file_time_type ModifiedAt(const std::filesystem::path& path) {
    std::error_code error;
    const auto at = std::filesystem::last_write_time(path, error);
    return error ? std::filesystem::file_time_type::max() : at;
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

// A temporary file under `<root>/.incoming` that hashes what is written to it.
class DirectoryFileStore::Incoming {
public:
    explicit Incoming(const std::filesystem::path& root)
        : path_(root / kIncomingFolder / ("upload-" + RandomSuffix())) {
        crypto_hash_sha256_init(&hash_);
    }
    ~Incoming() {
        if (!committed_) {
            ::unlink(path_.c_str());
        }
    }
    Incoming(const Incoming&) = delete;
    Incoming& operator=(const Incoming&) = delete;

    Outcome<Done> Open() {
        std::error_code error;
        const auto folder = path_.parent_path();
        if (!std::filesystem::exists(folder, error)) {
            std::filesystem::create_directories(folder, error);
            if (error) {
                return IoError("mkdir", folder, error.value());
            }
        }
        fd_ = std::make_unique<Descriptor>(
            ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0640));
        if (fd_->Get() < 0) {
            return IoError("create", path_, errno);
        }
        return Done{};
    }

    Outcome<Done> Append(std::string_view bytes) {
        crypto_hash_sha256_update(&hash_, reinterpret_cast<const unsigned char*>(bytes.data()),
                                  bytes.size());
        return WriteAll(fd_->Get(), bytes, path_);
    }

    /// Flushes the file to disk and returns its SHA-256.
    Outcome<std::string> Finish() {
        if (::fsync(fd_->Get()) != 0) {
            return IoError("fsync", path_, errno);
        }
        if (fd_->Close() != 0) {
            return IoError("close", path_, errno);
        }
        std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
        crypto_hash_sha256_final(&hash_, digest.data());
        std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
        sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
        return std::string(hex.data());
    }

    const std::filesystem::path& Path() const { return path_; }
    void MarkCommitted() { committed_ = true; }

private:
    std::filesystem::path path_;
    std::unique_ptr<Descriptor> fd_;
    crypto_hash_sha256_state hash_{};
    bool committed_ = false;
};

Outcome<std::string> DirectoryFileStore::Put(std::string_view content) {
    std::string sha256 = Sha256Hex(content);
    if (Refresh(PathOf(sha256))) {
        return sha256;  // Same content, same name: stored once.
    }
    Incoming incoming(root_);
    MOTCUA_RETURN_IF_ERROR(incoming.Open());
    MOTCUA_RETURN_IF_ERROR(incoming.Append(content));
    MOTCUA_RETURN_IF_ERROR(incoming.Finish());
    auto committed = Commit(incoming.Path(), std::move(sha256));
    incoming.MarkCommitted();  // Moved into place, or removed by Commit.
    return committed;
}

Outcome<std::string> DirectoryFileStore::PutSlice(const FileSlice& slice) {
    constexpr std::size_t kChunk = std::size_t{256} * 1024;
    Incoming incoming(root_);
    MOTCUA_RETURN_IF_ERROR(incoming.Open());
    std::string chunk;
    for (std::uint64_t at = 0; at < slice.size; at += kChunk) {
        MOTCUA_RETURN_IF_ERROR(ReadSliceInto(slice, at, kChunk, chunk));
        if (chunk.empty()) {
            return IoError("read", slice.path, EIO);  // The spooled file is shorter than said.
        }
        MOTCUA_RETURN_IF_ERROR(incoming.Append(chunk));
    }
    MOTCUA_ASSIGN_OR_RETURN(auto sha256, incoming.Finish());
    auto committed = Commit(incoming.Path(), std::move(sha256));
    incoming.MarkCommitted();
    return committed;
}

Outcome<std::string> DirectoryFileStore::Commit(const std::filesystem::path& temporary,
                                                std::string sha256) {
    const auto target = PathOf(sha256);
    std::error_code error;
    if (Refresh(target)) {
        ::unlink(temporary.c_str());
        return sha256;  // Same content, same name: stored once.
    }
    const auto folder = target.parent_path();
    // Create each level and make its entry durable in its parent.
    for (const auto& level : {root_, root_ / sha256.substr(0, 2), folder}) {
        if (!std::filesystem::exists(level, error)) {
            std::filesystem::create_directories(level, error);
            if (error) {
                ::unlink(temporary.c_str());
                return IoError("mkdir", level, error.value());
            }
            MOTCUA_RETURN_IF_ERROR(SyncFolder(level.parent_path()));
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

Outcome<std::vector<std::string>> DirectoryFileStore::ListUntouchedSince(
    std::filesystem::file_time_type cutoff) {
    std::vector<std::string> found;
    std::error_code error;
    if (!std::filesystem::exists(root_, error)) {
        return found;
    }
    // <root>/ab/cd/<sha256>: only names that are a hash, in the folders their prefix names.
    for (auto it = std::filesystem::recursive_directory_iterator(root_, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        const auto name = it->path().filename().string();
        if (it->is_directory() && name.starts_with(".")) {
            it.disable_recursion_pending();  // .incoming, .trash
            continue;
        }
        if (it.depth() == 2 && it->is_regular_file() && IsSha256Hex(name) &&
            it->path() == PathOf(name) && ModifiedAt(it->path()) < cutoff) {
            found.push_back(name);
        }
    }
    if (error) {
        return IoError("list", root_, error.value());
    }
    return found;
}

Outcome<bool> DirectoryFileStore::RemoveUntouchedSince(const std::string& sha256,
                                                       std::filesystem::file_time_type cutoff) {
    if (!IsSha256Hex(sha256)) {
        return false;
    }
    const auto path = PathOf(sha256);
    const auto trash = root_ / kTrashFolder;
    std::error_code error;
    std::filesystem::create_directories(trash, error);
    const auto aside = trash / (sha256 + "-" + RandomSuffix());
    // Moved aside first: a Put from here on finds no file and writes it anew. A Put that came
    // before refreshed it, which the check below sees, and the file goes back.
    if (::rename(path.c_str(), aside.c_str()) != 0) {
        return errno == ENOENT ? Outcome<bool>(false) : IoError("rename", path, errno);
    }
    if (ModifiedAt(aside) >= cutoff) {
        if (::link(aside.c_str(), path.c_str()) != 0 && errno != EEXIST) {
            return IoError("restore", path, errno);
        }
        ::unlink(aside.c_str());
        return false;
    }
    if (::unlink(aside.c_str()) != 0) {
        return IoError("unlink", aside, errno);
    }
    MOTCUA_RETURN_IF_ERROR(SyncFolder(path.parent_path()));
    return true;
}

Outcome<int> DirectoryFileStore::RemoveTemporaries(std::filesystem::file_time_type cutoff) {
    int removed = 0;
    std::error_code error;
    if (!std::filesystem::exists(root_, error)) {
        return removed;
    }
    for (auto it = std::filesystem::recursive_directory_iterator(root_, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        const auto& path = it->path();
        const auto parent = path.parent_path().filename().string();
        const bool temporary =
            it->is_regular_file() &&
            (parent == kIncomingFolder || parent == kTrashFolder ||
             path.filename().string().starts_with(".tmp-"));  // Written by earlier versions.
        if (temporary && ModifiedAt(path) < cutoff && ::unlink(path.c_str()) == 0) {
            ++removed;
        }
    }
    if (error) {
        return IoError("list", root_, error.value());
    }
    return removed;
}

}  // namespace motcua::storage
