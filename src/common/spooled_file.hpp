// SpooledFile: a request body that was written to disk as it arrived (a file upload), instead
// of being held in memory. The file is removed when the last holder lets go of it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "common/outcome.hpp"

namespace motcua {

class SpooledFile {
public:
    SpooledFile(std::filesystem::path path, std::uint64_t size)
        : path_(std::move(path)), size_(size) {}
    ~SpooledFile();
    SpooledFile(const SpooledFile&) = delete;
    SpooledFile& operator=(const SpooledFile&) = delete;

    const std::filesystem::path& Path() const { return path_; }
    std::uint64_t Size() const { return size_; }

private:
    std::filesystem::path path_;
    std::uint64_t size_;
};

/// A byte range of a file on disk: a file part of a spooled upload.
struct FileSlice {
    std::filesystem::path path;
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
};

/// Reads up to `count` bytes of `slice` from `from` (relative to the slice; fewer at its end).
Outcome<std::string> ReadSlice(const FileSlice& slice, std::uint64_t from, std::size_t count);
/// ReadSlice into `bytes`, reusing its memory (a loop over a large file allocates once).
Outcome<Done> ReadSliceInto(const FileSlice& slice, std::uint64_t from, std::size_t count,
                            std::string& bytes);

}  // namespace motcua
