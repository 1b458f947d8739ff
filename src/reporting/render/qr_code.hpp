// QR codes (ISO/IEC 18004) by libqrencode: the module matrix of a text, for the renderers to draw.
#pragma once

#include <string_view>
#include <vector>

#include "common/outcome.hpp"

namespace motcua::reporting::render {

/// A square of modules, row by row; true is dark.
struct QrMatrix {
    int size = 0;
    std::vector<bool> dark;

    [[nodiscard]] bool At(int row, int column) const {
        return dark[(static_cast<std::size_t>(row) * static_cast<std::size_t>(size)) +
                    static_cast<std::size_t>(column)];
    }
};

/// Encodes `text` as bytes with error correction level M (15 %), the smallest version that holds
/// it. kInvalid "qr_too_long" when it does not fit a QR code at all.
Outcome<QrMatrix> EncodeQr(std::string_view text);

}  // namespace motcua::reporting::render
