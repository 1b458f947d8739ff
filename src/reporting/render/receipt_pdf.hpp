// Electronic receipts (biên lai điện tử, docs/payments.md §7) printed as A4 PDF: one page for the
// phí and one for the lệ phí of a payment, each with the collecting agency and the national
// motto, its number, the payer, the dossier, how it was paid, the lines, the total in figures and
// in Vietnamese words, and the refund when there was one. Laid out by PdfCanvas.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/outcome.hpp"

namespace motcua::reporting::render {

struct ReceiptLine {
    std::string name;  // Vietnamese, as the procedure's fee schedule names it.
    std::string code;  // May be empty.
    std::int64_t amount_vnd = 0;
};

struct ReceiptSheet {
    std::string kind;    // "charge" (phí) or "fee" (lệ phí).
    std::string number;  // "BL0000123-P".
    std::vector<ReceiptLine> lines;
    std::int64_t total_vnd = 0;
    std::string total_in_words;
};

struct ReceiptPrint {
    std::string agency_name;
    std::string agency_code;
    std::string payer_name;
    std::string payer_address;
    std::string dossier_code;
    std::string procedure;    // "Name (code)".
    std::string reference;    // The payment order's; may be empty.
    std::string channel;      // Ledger channel: vnpay, payment_platform, cash, card, transfer.
    std::string transaction;  // Gateway transaction or slip reference; may be empty.
    std::string paid_at;      // RFC 3339 in Vietnam.
    std::int64_t refunded_vnd = 0;
    std::string refunded_at;  // RFC 3339 in Vietnam; empty when not refunded.
    std::vector<ReceiptSheet> sheets;
};

/// "16.000": đồng grouped by dots, as Vietnamese documents write amounts.
std::string GroupedAmount(std::int64_t amount);

/// The receipts of one payment, a page each. The same data gives the same bytes.
Outcome<std::string> RenderReceiptsPdf(const ReceiptPrint& print);

}  // namespace motcua::reporting::render
