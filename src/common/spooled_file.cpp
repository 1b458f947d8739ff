#include "common/spooled_file.hpp"

#include <algorithm>
#include <cerrno>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace motcua {

SpooledFile::~SpooledFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
}

Outcome<std::string> ReadSlice(const FileSlice& slice, std::uint64_t from, std::size_t count) {
    std::string bytes;
    MOTCUA_RETURN_IF_ERROR(ReadSliceInto(slice, from, count, bytes));
    return bytes;
}

Outcome<Done> ReadSliceInto(const FileSlice& slice, std::uint64_t from, std::size_t count,
                            std::string& bytes) {
    bytes.clear();
    if (from >= slice.size) {
        return Done{};
    }
    count = static_cast<std::size_t>(std::min<std::uint64_t>(count, slice.size - from));
    const int fd = ::open(slice.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return MakeError(
            ErrorKind::kUnavailable, "unavailable", "",
            "open " + slice.path.string() + ": " + std::generic_category().message(errno));
    }
    bytes.resize(count);
    std::size_t done = 0;
    while (done < count) {
        const auto read = ::pread(fd, bytes.data() + done, count - done,
                                  static_cast<off_t>(slice.offset + from + done));
        if (read < 0 && errno == EINTR) {
            continue;
        }
        if (read < 0) {
            const int error = errno;
            ::close(fd);
            return MakeError(
                ErrorKind::kUnavailable, "unavailable", "",
                "read " + slice.path.string() + ": " + std::generic_category().message(error));
        }
        if (read == 0) {
            break;
        }
        done += static_cast<std::size_t>(read);
    }
    ::close(fd);
    bytes.resize(done);
    return Done{};
}

}  // namespace motcua
