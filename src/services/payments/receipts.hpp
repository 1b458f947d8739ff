// Electronic receipts (biên lai điện tử, docs/payments.md §7): what one payment paid, item by
// item, on a receipt of its own for the phí (charges) and another for the lệ phí (fees), since
// they go to different budgets. Whoever may read the dossier — its applicant first — may read
// them; the web application prints them (/bien-lai/{id}).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "domain/payments/payment_allocation.hpp"
#include "services/catalog/catalog_service.hpp"
#include "services/dossiers/dossier_service.hpp"
#include "services/printed_document.hpp"
#include "storage/database.hpp"
#include "storage/payment_store.hpp"

namespace motcua::services {

/// One receipt: the phí or the lệ phí part of a payment.
struct Receipt {
    std::string kind;    // "charge" (phí) or "fee" (lệ phí).
    std::string number;  // "BL0000123-P", "BL0000123-LP": the payment's ledger id and the kind.
    std::vector<domain::PaidLine> lines;
    std::int64_t total = 0;
    std::string total_in_words;  // "Năm mươi nghìn đồng".
};

/// The receipts of one payment, with what they are printed with.
struct PaymentReceiptSet {
    storage::LedgerEntry payment;
    std::string reference;  // The payment order's, when it settled one.
    std::string payer_name;
    std::string payer_address;
    std::string procedure_code;
    std::string procedure_name;
    std::string agency_name;  // The collecting agency.
    std::int64_t refunded = 0;
    std::string refunded_at;
    std::vector<Receipt> receipts;  // Phí first, then lệ phí; a kind the payment did not pay is
                                    // left out.
};

class PaymentReceipts {
public:
    PaymentReceipts(storage::Database& database, CatalogService& catalog, DossierService& dossiers)
        : database_(database), catalog_(catalog), dossiers_(dossiers) {}

    /// The receipts of ledger row `payment_id`: 404 payment_not_found when there is none or it
    /// is a refund; the dossier's read rules otherwise (its read is audited there).
    Outcome<PaymentReceiptSet> Read(const domain::Actor& actor, std::int64_t payment_id);

    /// The same receipts as one A4 PDF, a page each (printed_receipts.cpp); the errors of Read,
    /// and 404 receipt_not_found for a payment without a receipt (nothing was due).
    Outcome<PrintedDocument> Print(const domain::Actor& actor, std::int64_t payment_id);

private:
    storage::Database& database_;
    CatalogService& catalog_;
    DossierService& dossiers_;
};

}  // namespace motcua::services
