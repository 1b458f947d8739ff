// The receipt the platform hands out for a paid transaction (POST /api/thanhtoan/bienlai): a
// one-page A4 PDF titled "BIÊN LAI THU PHÍ, LỆ PHÍ" with the reference, the transaction, the
// amount and the fee items. Drawn with cairo when the build found it (Vietnamese with DejaVu
// Sans); else a plain PDF with Helvetica and the text folded to ASCII (README.md "Receipt").
#pragma once

#include <string>
#include <string_view>

#include "simulators/payment_platform/state.hpp"

namespace motcua::sim::payment_platform {

/// The PDF's bytes (starting "%PDF-").
std::string ReceiptPdf(const Transaction& transaction, std::string_view partner_code);
/// Frees cairo's and fontconfig's caches, once no receipt is being drawn any more (at exit), so
/// that LeakSanitizer reports nothing and the simulator exits 0.
void ReleaseReceiptFonts();

}  // namespace motcua::sim::payment_platform
