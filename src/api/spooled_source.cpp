#include "api/spooled_source.hpp"

namespace motcua::api {
namespace {

// Bytes read at a time while looking for a boundary.
constexpr std::size_t kChunk = std::size_t{256} * 1024;

}  // namespace

Outcome<std::string_view> SpooledSource::Window(std::size_t from, std::size_t size) {
    MOTCUA_RETURN_IF_ERROR(ReadSliceInto({file_.Path(), 0, file_.Size()}, from, size, window_));
    return std::string_view(window_);
}

Outcome<std::optional<std::size_t>> SpooledSource::Find(std::string_view needle, std::size_t from) {
    if (needle.empty() || needle.size() > kChunk) {
        return std::optional<std::size_t>{};
    }
    // Consecutive chunks overlap by needle.size() - 1 bytes, so a needle across a chunk edge
    // is found in the next chunk.
    for (std::size_t at = from; at < file_.Size(); at += kChunk - (needle.size() - 1)) {
        MOTCUA_ASSIGN_OR_RETURN(auto chunk, Window(at, kChunk));
        const auto found = chunk.find(needle);
        if (found != std::string_view::npos) {
            return std::optional<std::size_t>(at + found);
        }
        if (chunk.size() < kChunk) {
            break;
        }
    }
    return std::optional<std::size_t>{};
}

}  // namespace motcua::api
