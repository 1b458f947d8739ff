// SliceInputSource: a qpdf InputSource over a byte range of a file on disk (a spooled upload's
// part), so that qpdf reads an uploaded PDF where it lies, without a copy in memory. Offsets are
// relative to the slice, and the slice's end is the end of input. Include it only from files
// compiled as C++17 (qpdf's headers; see src/CMakeLists.txt).
#pragma once

#include <cstddef>
#include <string>

#include <qpdf/InputSource.hh>

#include "common/spooled_file.hpp"

namespace motcua::signing {

class SliceInputSource final : public InputSource {
public:
    /// Opens the slice's file; IsOpen() tells whether that worked, GetFailure() why not.
    explicit SliceInputSource(FileSlice slice);
    ~SliceInputSource() override;
    SliceInputSource(const SliceInputSource&) = delete;
    SliceInputSource& operator=(const SliceInputSource&) = delete;
    SliceInputSource(SliceInputSource&&) = delete;
    SliceInputSource& operator=(SliceInputSource&&) = delete;

    bool IsOpen() const { return fd_ >= 0; }
    /// The first system error met ("open …: No such file or directory"); "" when none.
    const std::string& GetFailure() const { return failure_; }

    // qpdf's InputSource, with the semantics of its FileInputSource.
    qpdf_offset_t findAndSkipNextEOL() override;
    std::string const& getName() const override;
    qpdf_offset_t tell() override;
    void seek(qpdf_offset_t offset, int whence) override;
    void rewind() override;
    size_t read(char* into, size_t length) override;
    void unreadCh(char ch) override;

private:
    FileSlice slice_;
    std::string name_;
    int fd_ = -1;
    qpdf_offset_t position_ = 0;
    std::string failure_;
};

}  // namespace motcua::signing
