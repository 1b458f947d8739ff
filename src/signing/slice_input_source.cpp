#include "signing/slice_input_source.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <stdexcept>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

namespace motcua::signing {

SliceInputSource::SliceInputSource(FileSlice slice)
    : slice_(std::move(slice)),
      name_(slice_.path.filename().string()),
      fd_(::open(slice_.path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_ < 0) {
        failure_ = "open " + slice_.path.string() + ": " + std::generic_category().message(errno);
    }
}

SliceInputSource::~SliceInputSource() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

qpdf_offset_t SliceInputSource::findAndSkipNextEOL() {
    // Positions the input after the next run of end-of-line characters and returns the offset
    // of its first one (the end of input when there is none), as FileInputSource does.
    std::array<char, 4096> chunk{};
    for (;;) {
        const qpdf_offset_t start = tell();
        const std::size_t count = read(chunk.data(), chunk.size());
        if (count == 0) {
            return tell();
        }
        const char* const begin = chunk.data();
        const char* const end = begin + count;
        const char* const eol =
            std::find_if(begin, end, [](char c) { return c == '\r' || c == '\n'; });
        if (eol == end) {
            continue;
        }
        const qpdf_offset_t result = start + (eol - begin);
        seek(result + 1, SEEK_SET);
        char next = 0;
        while (read(&next, 1) == 1) {
            if (next != '\r' && next != '\n') {
                unreadCh(next);
                break;
            }
        }
        return result;
    }
}

std::string const& SliceInputSource::getName() const { return name_; }

qpdf_offset_t SliceInputSource::tell() { return position_; }

void SliceInputSource::seek(qpdf_offset_t offset, int whence) {
    const auto size = static_cast<qpdf_offset_t>(slice_.size);
    switch (whence) {
        case SEEK_SET:
            position_ = offset;
            break;
        case SEEK_CUR:
            position_ += offset;
            break;
        case SEEK_END:
            position_ = size + offset;
            break;
        default:
            throw std::logic_error("SliceInputSource::seek: bad whence");
    }
    if (position_ < 0) {
        throw std::runtime_error(name_ + ": seek before the beginning of the file");
    }
}

void SliceInputSource::rewind() { position_ = 0; }

size_t SliceInputSource::read(char* into, size_t length) {
    last_offset = position_;
    const auto size = static_cast<qpdf_offset_t>(slice_.size);
    if (position_ >= size || length == 0) {
        return 0;
    }
    length = std::min(length, static_cast<std::size_t>(size - position_));
    std::size_t done = 0;
    while (done < length) {
        const auto at = static_cast<off_t>(slice_.offset) + position_ + static_cast<off_t>(done);
        const auto count = ::pread(fd_, into + done, length - done, at);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count < 0) {
            if (failure_.empty()) {
                failure_ =
                    "read " + slice_.path.string() + ": " + std::generic_category().message(errno);
            }
            throw std::runtime_error(failure_);
        }
        if (count == 0) {
            break;  // The file is shorter than the slice says.
        }
        done += static_cast<std::size_t>(count);
    }
    position_ += static_cast<qpdf_offset_t>(done);
    return done;
}

void SliceInputSource::unreadCh(char /*ch*/) {
    if (position_ > 0) {
        --position_;
    }
}

}  // namespace motcua::signing
