// FileStore: stored files (scans of dossier components, uploads, result documents) addressed by
// the SHA-256 of their content, so identical content is stored once and a record that names a
// hash can never point at different bytes later. DirectoryFileStore keeps them on the local disk
// as `<root>/ab/cd/<sha256>` and makes each durable before Put returns.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/outcome.hpp"
#include "common/spooled_file.hpp"

namespace motcua::storage {

class FileStore {
public:
    virtual ~FileStore() = default;
    /// Stores `content` durably; returns its SHA-256 as 64 lower-case hex digits.
    virtual Outcome<std::string> Put(std::string_view content) = 0;
    /// Stores the bytes of `slice` (a file part of a spooled upload) durably, reading them a
    /// chunk at a time; returns their SHA-256.
    virtual Outcome<std::string> PutSlice(const FileSlice& slice) = 0;
    /// Returns the content stored under `sha256`; kNotFound "file_not_found" when absent or
    /// when `sha256` is not 64 lower-case hex digits.
    virtual Outcome<std::string> Get(const std::string& sha256) = 0;
    virtual Outcome<bool> Contains(const std::string& sha256) = 0;
    /// The stored files last written or stored again before `cutoff` (file-system time).
    virtual Outcome<std::vector<std::string>> ListUntouchedSince(
        std::filesystem::file_time_type cutoff) = 0;
    /// Deletes `sha256` unless it was stored again at or after `cutoff` (a Put of the same
    /// content refreshes it, so an upload racing the collection keeps its file); returns
    /// whether it was deleted.
    virtual Outcome<bool> RemoveUntouchedSince(const std::string& sha256,
                                               std::filesystem::file_time_type cutoff) = 0;
    /// Deletes temporary files (writes cut short by a crash) older than `cutoff`; returns how
    /// many.
    virtual Outcome<int> RemoveTemporaries(std::filesystem::file_time_type cutoff) = 0;
};

/// Returns the SHA-256 of `content` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view content);
/// Returns true when `text` is 64 lower-case hex digits.
bool IsSha256Hex(std::string_view text);

/// Files under a local folder (`<data_dir>/files`): written to a temporary file in
/// `<root>/.incoming` while hashed, fsynced, renamed into place, and the folder fsynced, so a
/// crash leaves either the whole file or none (and perhaps a temporary file, which the orphan
/// collection removes).
class DirectoryFileStore final : public FileStore {
public:
    explicit DirectoryFileStore(std::filesystem::path root);

    Outcome<std::string> Put(std::string_view content) override;
    Outcome<std::string> PutSlice(const FileSlice& slice) override;
    Outcome<std::string> Get(const std::string& sha256) override;
    Outcome<bool> Contains(const std::string& sha256) override;
    Outcome<std::vector<std::string>> ListUntouchedSince(
        std::filesystem::file_time_type cutoff) override;
    Outcome<bool> RemoveUntouchedSince(const std::string& sha256,
                                       std::filesystem::file_time_type cutoff) override;
    Outcome<int> RemoveTemporaries(std::filesystem::file_time_type cutoff) override;

    /// Returns where `sha256` is (or would be) stored.
    std::filesystem::path PathOf(const std::string& sha256) const;

private:
    class Incoming;
    /// Moves a fully written, fsynced temporary file into its place as `sha256`.
    Outcome<std::string> Commit(const std::filesystem::path& temporary, std::string sha256);

    std::filesystem::path root_;
};

}  // namespace motcua::storage
