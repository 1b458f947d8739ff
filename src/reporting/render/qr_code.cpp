#include "reporting/render/qr_code.hpp"

#include <memory>
#include <string>

#include <qrencode.h>

namespace motcua::reporting::render {

Outcome<QrMatrix> EncodeQr(std::string_view text) {
    const std::string terminated(text);  // libqrencode reads a C string.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(terminated.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) {
        return MakeError(ErrorKind::kInvalid, "qr_too_long");
    }
    QrMatrix matrix;
    matrix.size = code->width;
    const auto cells =
        static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    matrix.dark.resize(cells);
    for (std::size_t i = 0; i < cells; ++i) {
        matrix.dark[i] = (code->data[i] & 1U) != 0;  // Bit 0: dark; the others say why.
    }
    return matrix;
}

}  // namespace motcua::reporting::render
