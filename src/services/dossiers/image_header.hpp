// ImageHeader: the size a PNG or JPEG declares in its header, read without decoding the image,
// so that an upload can be refused before anything would decode it (a "decompression bomb"
// image declares, say, 50 000 × 50 000 pixels in a few kilobytes). PNG: the IHDR chunk that must
// follow the signature. JPEG: the first frame header (SOFn) among the segments after SOI.
//   auto size = ReadImageSize(ImageFormat::kPng, bytes);  // {1240, 1754}, or nullopt.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/outcome.hpp"

namespace motcua::services {

enum class ImageFormat { kPng, kJpeg };

struct ImageSize {
    std::uint32_t width = 0;
    std::uint32_t height = 0;

    std::uint64_t Pixels() const { return std::uint64_t{width} * height; }
};

/// Reads up to `count` bytes from offset `from` of a file (fewer at its end).
using ReadBytes = std::function<Outcome<std::string>(std::uint64_t from, std::size_t count)>;

/// The size the header of an image of `format` declares; nullopt when the header cannot be
/// read (truncated, malformed, a zero width or height, no frame header before the image data).
/// Errors are `read`'s.
Outcome<std::optional<ImageSize>> ReadImageSize(ImageFormat format, const ReadBytes& read);
/// ReadImageSize over bytes in memory.
std::optional<ImageSize> ReadImageSize(ImageFormat format, std::string_view content);

}  // namespace motcua::services
