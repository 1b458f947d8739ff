#include "signing/pdf_inspection.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <qpdf/Buffer.hh>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <zlib.h>

#include "signing/slice_input_source.hpp"

namespace motcua::signing {
namespace {

// Decoded bytes counted against one limit.
class ByteBudget {
public:
    explicit ByteBudget(std::uint64_t limit) : limit_(limit) {}

    /// Counts `bytes`; false once the total is over the limit.
    bool Spend(std::size_t bytes) {
        spent_ += bytes;
        return !IsExceeded();
    }
    bool IsExceeded() const { return spent_ > limit_; }
    std::uint64_t GetSpent() const { return spent_; }

private:
    std::uint64_t limit_;
    std::uint64_t spent_ = 0;
};

// The end of a qpdf pipeline that keeps nothing: it counts what reaches it and throws once the
// budget is exceeded, which stops the decoder that feeds it. (qpdf's pipeStreamData catches the
// exception and returns false; the budget remembers why.)
class CountingPipeline final : public Pipeline {
public:
    explicit CountingPipeline(ByteBudget& budget)
        : Pipeline("motcua-count", nullptr), budget_(budget) {}

    void write(unsigned char const* /*data*/, size_t length) override {
        if (!budget_.Spend(length)) {
            throw std::length_error("decoded stream data over the limit");
        }
    }
    void finish() override {}

private:
    ByteBudget& budget_;
};

bool IsPdfSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

// Inflates the zlib stream at `offset` of `source`, if one starts there, counting its output
// against `budget` and keeping none of it.
void CountInflated(InputSource& source, qpdf_offset_t offset, ByteBudget& budget,
                   std::vector<unsigned char>& in, std::vector<unsigned char>& out) {
    std::array<unsigned char, 2> header{};
    source.seek(offset, SEEK_SET);
    if (source.read(reinterpret_cast<char*>(header.data()), header.size()) != header.size() ||
        (header[0] & 0x0F) != Z_DEFLATED || ((header[0] << 8) | header[1]) % 31 != 0) {
        return;  // Not zlib data (an image's DCT bytes, an unfiltered stream, ...).
    }
    z_stream zlib{};
    if (inflateInit(&zlib) != Z_OK) {
        throw std::bad_alloc();
    }
    source.seek(offset, SEEK_SET);
    for (;;) {
        if (zlib.avail_in == 0) {
            const std::size_t count = source.read(reinterpret_cast<char*>(in.data()), in.size());
            if (count == 0) {
                break;
            }
            zlib.next_in = in.data();
            zlib.avail_in = static_cast<uInt>(count);
        }
        zlib.next_out = out.data();
        zlib.avail_out = static_cast<uInt>(out.size());
        const int status = inflate(&zlib, Z_NO_FLUSH);
        if (!budget.Spend(out.size() - zlib.avail_out) || status == Z_STREAM_END ||
            (status != Z_OK && status != Z_BUF_ERROR)) {
            break;
        }
    }
    inflateEnd(&zlib);
}

// Counts what every zlib stream of the file inflates to, before qpdf opens it: qpdf decodes
// cross-reference and object streams into memory on its own as it reads them, where no pipeline
// can meter it. Each "stream" keyword (after ">>" or white space, before an end of line) starts
// stream data; the data is inflated if it is zlib's. Returns false once over the budget.
bool ScanFlateStreams(InputSource& source, ByteBudget& budget) {
    constexpr std::size_t kChunk = std::size_t{64} << 10;
    constexpr std::string_view kKeyword = "stream";
    std::vector<unsigned char> chunk(kChunk);
    std::vector<unsigned char> in(kChunk);
    std::vector<unsigned char> out(kChunk);
    char previous = '\n';
    std::size_t matched = 0;  // Characters of the keyword seen.
    bool after_cr = false;    // "stream\r" seen: the data starts after an optional '\n'.
    qpdf_offset_t base = 0;
    for (;;) {
        source.seek(base, SEEK_SET);
        const std::size_t count = source.read(reinterpret_cast<char*>(chunk.data()), kChunk);
        if (count == 0) {
            return true;
        }
        for (std::size_t i = 0; i < count; ++i) {
            const auto c = static_cast<char>(chunk[i]);
            const qpdf_offset_t at = base + static_cast<qpdf_offset_t>(i);
            std::optional<qpdf_offset_t> data;
            if (after_cr) {
                data = c == '\n' ? at + 1 : at;
                after_cr = false;
            } else if (matched == kKeyword.size()) {
                if (c == '\n') {
                    data = at + 1;
                }
                after_cr = c == '\r';
                matched = 0;
            } else if (c == kKeyword[matched] &&
                       (matched > 0 || previous == '>' || IsPdfSpace(previous))) {
                ++matched;
            } else {
                matched = c == kKeyword[0] && (previous == '>' || IsPdfSpace(previous)) ? 1 : 0;
            }
            previous = c;
            if (data) {
                CountInflated(source, *data, budget, in, out);
                if (budget.IsExceeded()) {
                    return false;
                }
            }
        }
        base += static_cast<qpdf_offset_t>(count);
    }
}

// Counts the pages under `pages` (the document's /Pages), walking the tree itself rather than
// letting qpdf build its page list, and stopping past `max_pages` or when the tree holds more
// nodes than that many pages need (a tree of empty or repeated branches). Loops are cut.
std::optional<std::size_t> CountPages(const QPDFObjectHandle& pages, std::size_t max_pages,
                                      std::string& detail) {
    const std::size_t max_nodes = 2 * max_pages + 64;
    std::vector<QPDFObjectHandle> pending{pages};
    std::set<QPDFObjGen> seen;
    std::size_t count = 0;
    std::size_t nodes = 0;
    while (!pending.empty()) {
        QPDFObjectHandle node = pending.back();
        pending.pop_back();
        if (!node.isDictionary() || (node.isIndirect() && !seen.insert(node.getObjGen()).second)) {
            continue;  // A broken or repeated kid: viewers skip it too.
        }
        QPDFObjectHandle kids = node.getKey("/Kids");
        const bool is_page = node.getKey("/Type").isNameAndEquals("/Page") ||
                             (!kids.isArray() && !node.getKey("/Type").isNameAndEquals("/Pages"));
        if (is_page) {
            if (++count > max_pages) {
                detail = "more than " + std::to_string(max_pages) + " pages";
                return std::nullopt;
            }
            continue;
        }
        if (!kids.isArray()) {
            continue;
        }
        const int size = kids.getArrayNItems();
        nodes += static_cast<std::size_t>(size);
        if (nodes > max_nodes) {
            detail = "a page tree of more than " + std::to_string(max_nodes) + " nodes";
            return std::nullopt;
        }
        for (int i = 0; i < size; ++i) {
            pending.push_back(kids.getArrayItem(i));
        }
    }
    return count;
}

// Width × height of an image stream's dictionary, or 0 when it is no image.
std::uint64_t ImagePixels(QPDFObjectHandle dictionary) {
    if (!dictionary.getKey("/Subtype").isNameAndEquals("/Image")) {
        return 0;
    }
    auto width = dictionary.getKey("/Width");
    auto height = dictionary.getKey("/Height");
    if (!width.isInteger() || !height.isInteger() || width.getIntValue() <= 0 ||
        height.getIntValue() <= 0) {
        return 0;
    }
    const auto w = static_cast<std::uint64_t>(std::min<long long>(width.getIntValue(), 1LL << 31));
    const auto h = static_cast<std::uint64_t>(std::min<long long>(height.getIntValue(), 1LL << 31));
    return w * h;
}

PdfInspection Inspect(const std::shared_ptr<InputSource>& source, const PdfLimits& limits) {
    PdfInspection report;
    ByteBudget raw(limits.max_expanded_bytes);
    ByteBudget decoded(limits.max_expanded_bytes);
    try {
        if (!ScanFlateStreams(*source, raw)) {
            report.verdict = PdfVerdict::kDecompressionBomb;
            report.expanded_bytes = raw.GetSpent();
            report.detail = "streams inflate to more than " +
                            std::to_string(limits.max_expanded_bytes) + " bytes";
            return report;
        }
        source->seek(0, SEEK_SET);
        QPDF document;
        document.setSuppressWarnings(true);
        document.processInputSource(source);
        const auto pages =
            CountPages(document.getRoot().getKey("/Pages"), limits.max_pages, report.detail);
        if (!pages) {
            report.verdict = PdfVerdict::kTooManyPages;
            report.pages = limits.max_pages + 1;
            return report;
        }
        report.pages = *pages;
        if (report.pages == 0) {
            report.detail = "no page";
            return report;
        }
        for (auto& object : document.getAllObjects()) {
            if (!object.isStream()) {
                continue;
            }
            const std::uint64_t pixels = ImagePixels(object.getDict());
            if (limits.max_image_pixels > 0 && pixels > limits.max_image_pixels) {
                report.verdict = PdfVerdict::kDecompressionBomb;
                report.detail = "an image of " + std::to_string(pixels) + " pixels, more than " +
                                std::to_string(limits.max_image_pixels);
                return report;
            }
            // Lossless filters only (qpdf_dl_specialized): images stay in their DCT, JBIG2 or
            // JPX coding and count their encoded size; their pixels were checked above.
            CountingPipeline counter(decoded);
            object.pipeStreamData(&counter, 0, qpdf_dl_specialized, true, false);
            if (decoded.IsExceeded()) {
                report.verdict = PdfVerdict::kDecompressionBomb;
                report.expanded_bytes = decoded.GetSpent();
                report.detail = "streams decode to more than " +
                                std::to_string(limits.max_expanded_bytes) + " bytes";
                return report;
            }
        }
        report.expanded_bytes = std::max(raw.GetSpent(), decoded.GetSpent());
        report.verdict = PdfVerdict::kReadable;
    } catch (const std::exception& error) {
        report.verdict = PdfVerdict::kUnreadable;
        report.detail = error.what();
    }
    return report;
}

}  // namespace

PdfInspection InspectPdf(std::string_view pdf, const PdfLimits& limits) {
    // qpdf only reads through the buffer; it wraps the caller's bytes without a copy.
    auto* bytes = reinterpret_cast<unsigned char*>(const_cast<char*>(pdf.data()));
    Buffer buffer(bytes, pdf.size());
    return Inspect(std::make_shared<BufferInputSource>("upload.pdf", &buffer), limits);
}

Outcome<PdfInspection> InspectPdf(const FileSlice& slice, const PdfLimits& limits) {
    auto source = std::make_shared<SliceInputSource>(slice);
    if (!source->IsOpen()) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", "", source->GetFailure());
    }
    PdfInspection report = Inspect(source, limits);
    if (!source->GetFailure().empty()) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", "", source->GetFailure());
    }
    return report;
}

Outcome<PdfInspection> InspectPdfFile(const std::filesystem::path& path, const PdfLimits& limits) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", "",
                         "size of " + path.string() + ": " + error.message());
    }
    return InspectPdf(FileSlice{path, 0, size}, limits);
}

}  // namespace motcua::signing
