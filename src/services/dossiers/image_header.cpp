#include "services/dossiers/image_header.hpp"

#include <algorithm>

namespace motcua::services {
namespace {

std::uint32_t ReadBe(std::string_view bytes, std::size_t at, std::size_t size) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < size; ++i) {
        value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    }
    return value;
}

std::optional<ImageSize> Declared(std::uint32_t width, std::uint32_t height) {
    if (width == 0 || height == 0) {
        return std::nullopt;
    }
    return ImageSize{width, height};
}

// PNG (ISO/IEC 15948 §5.2, §11.2.2): the 8-byte signature, then IHDR's length (13), its type,
// width and height as 4-byte big-endian numbers of at most 2^31 - 1.
Outcome<std::optional<ImageSize>> ReadPngSize(const ReadBytes& read) {
    constexpr std::size_t kHeaderBytes = 24;
    MOTCUA_ASSIGN_OR_RETURN(const std::string head, read(0, kHeaderBytes));
    if (head.size() < kHeaderBytes || head.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 ||
        ReadBe(head, 8, 4) != 13 || head.compare(12, 4, "IHDR") != 0) {
        return std::optional<ImageSize>();
    }
    const std::uint32_t width = ReadBe(head, 16, 4);
    const std::uint32_t height = ReadBe(head, 20, 4);
    if (width > 0x7FFFFFFF || height > 0x7FFFFFFF) {
        return std::optional<ImageSize>();
    }
    return Declared(width, height);
}

// Whether JPEG marker `marker` starts a frame header: SOF0–SOF15 but DHT (C4), JPG (C8) and
// DAC (CC), ITU-T T.81 Table B.1.
bool IsFrameHeader(unsigned char marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// JPEG (ITU-T T.81 §B.2): after SOI, segments of a marker (0xFF, then its code, after any
// 0xFF fill bytes) and, but for RSTn and TEM, a 2-byte length that counts itself. The frame
// header gives the precision, then the height and the width as 2-byte big-endian numbers. The
// segments are read a window at a time; a segment is at most 64 KiB.
Outcome<std::optional<ImageSize>> ReadJpegSize(const ReadBytes& read) {
    constexpr std::size_t kWindow = std::size_t{64} << 10;
    constexpr int kMaxSegments = 4096;  // More before the frame header is no image of ours.
    std::string window;
    std::uint64_t window_start = 0;
    // Makes [at, at + size) readable in `window`; false at the end of the file.
    auto have = [&](std::uint64_t at, std::size_t size) -> Outcome<bool> {
        if (at < window_start || at + size > window_start + window.size()) {
            MOTCUA_ASSIGN_OR_RETURN(window, read(at, std::max(kWindow, size)));
            window_start = at;
        }
        return at + size <= window_start + window.size();
    };
    MOTCUA_ASSIGN_OR_RETURN(const bool has_start, have(0, 2));
    if (!has_start || window.compare(0, 2, "\xFF\xD8") != 0) {
        return std::optional<ImageSize>();
    }
    std::uint64_t at = 2;
    for (int segment = 0; segment < kMaxSegments; ++segment) {
        MOTCUA_ASSIGN_OR_RETURN(bool has_marker, have(at, 2));
        if (!has_marker || window[at - window_start] != '\xFF') {
            return std::optional<ImageSize>();
        }
        auto marker = static_cast<unsigned char>(window[at + 1 - window_start]);
        while (marker == 0xFF) {  // Fill bytes.
            ++at;
            MOTCUA_ASSIGN_OR_RETURN(has_marker, have(at, 2));
            if (!has_marker) {
                return std::optional<ImageSize>();
            }
            marker = static_cast<unsigned char>(window[at + 1 - window_start]);
        }
        at += 2;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            continue;  // TEM and RSTn stand alone.
        }
        if (marker == 0xD9 || marker == 0xDA || marker == 0xD8 || marker == 0x00) {
            return std::optional<ImageSize>();  // EOI, SOS, SOI or no marker: no frame header.
        }
        MOTCUA_ASSIGN_OR_RETURN(const bool has_length, have(at, 2));
        if (!has_length) {
            return std::optional<ImageSize>();
        }
        const std::uint32_t length = ReadBe(window, at - window_start, 2);
        if (length < 2) {
            return std::optional<ImageSize>();
        }
        if (IsFrameHeader(marker)) {
            MOTCUA_ASSIGN_OR_RETURN(const bool has_frame, have(at, 7));
            if (!has_frame || length < 8) {
                return std::optional<ImageSize>();
            }
            const std::size_t frame = at - window_start;
            return Declared(ReadBe(window, frame + 5, 2), ReadBe(window, frame + 3, 2));
        }
        at += length;
    }
    return std::optional<ImageSize>();
}

}  // namespace

Outcome<std::optional<ImageSize>> ReadImageSize(ImageFormat format, const ReadBytes& read) {
    switch (format) {
        case ImageFormat::kPng:
            return ReadPngSize(read);
        case ImageFormat::kJpeg:
            return ReadJpegSize(read);
    }
    return std::optional<ImageSize>();
}

std::optional<ImageSize> ReadImageSize(ImageFormat format, std::string_view content) {
    const ReadBytes read = [content](std::uint64_t from,
                                     std::size_t count) -> Outcome<std::string> {
        if (from >= content.size()) {
            return std::string();
        }
        return std::string(content.substr(static_cast<std::size_t>(from), count));
    };
    auto size = ReadImageSize(format, read);
    MOTCUA_ASSERT(size.HasValue(), "reading from memory cannot fail");
    return size.Value();
}

}  // namespace motcua::services
