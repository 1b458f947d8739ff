// FileStore: stored files (scans of dossier components, uploads, result documents) addressed by
// the SHA-256 of their content, so identical content is stored once and a record that names a
// hash can never point at different bytes later. DirectoryFileStore keeps them on the local disk
// as `<root>/ab/cd/<sha256>` and makes each durable before Put returns.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/outcome.hpp"

namespace motcua::storage {

class FileStore {
public:
    virtual ~FileStore() = default;
    /// Stores `content` durably; returns its SHA-256 as 64 lower-case hex digits.
    virtual Outcome<std::string> Put(std::string_view content) = 0;
    /// Returns the content stored under `sha256`; kNotFound "file_not_found" when absent or
    /// when `sha256` is not 64 lower-case hex digits.
    virtual Outcome<std::string> Get(const std::string& sha256) = 0;
    virtual Outcome<bool> Contains(const std::string& sha256) = 0;
};

/// Returns the SHA-256 of `content` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view content);
/// Returns true when `text` is 64 lower-case hex digits.
bool IsSha256Hex(std::string_view text);

/// Files under a local folder (`<data_dir>/files`): written to a temporary file in the target
/// folder, fsynced, renamed into place, and the folder fsynced, so a crash leaves either the
/// whole file or none.
class DirectoryFileStore final : public FileStore {
public:
    explicit DirectoryFileStore(std::filesystem::path root);

    Outcome<std::string> Put(std::string_view content) override;
    Outcome<std::string> Get(const std::string& sha256) override;
    Outcome<bool> Contains(const std::string& sha256) override;

    /// Returns where `sha256` is (or would be) stored.
    std::filesystem::path PathOf(const std::string& sha256) const;

private:
    std::filesystem::path root_;
};

}  // namespace motcua::storage
