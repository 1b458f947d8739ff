// PaymentReceipts::Print: the receipts of Read laid out by reporting/render/receipt_pdf.hpp.
#include "common/time_format.hpp"
#include "reporting/render/receipt_pdf.hpp"
#include "services/payments/receipts.hpp"

namespace motcua::services {
Outcome<PrintedDocument> PaymentReceipts::Print(const domain::Actor& actor,
                                                std::int64_t payment_id) {
    MOTCUA_ASSIGN_OR_RETURN(const auto set, Read(actor, payment_id));
    if (set.receipts.empty()) {
        return MakeError(ErrorKind::kNotFound, "receipt_not_found", "id");
    }
    reporting::render::ReceiptPrint print{
        .agency_name = set.agency_name,
        .agency_code = set.payment.agency,
        .payer_name = set.payer_name,
        .payer_address = set.payer_address,
        .dossier_code = set.payment.dossier_code,
        .procedure = set.procedure_name.empty()
                         ? set.procedure_code
                         : set.procedure_name + " (" + set.procedure_code + ")",
        .reference = set.reference,
        .channel = set.payment.channel,
        .transaction = set.payment.gateway_txn,
        .paid_at = StoredInVietnam(set.payment.recorded_at),
        .refunded_vnd = set.refunded,
        .refunded_at = StoredInVietnam(set.refunded_at),
    };
    for (const auto& receipt : set.receipts) {
        reporting::render::ReceiptSheet sheet{.kind = receipt.kind,
                                              .number = receipt.number,
                                              .total_vnd = receipt.total,
                                              .total_in_words = receipt.total_in_words};
        for (const auto& line : receipt.lines) {
            sheet.lines.push_back(
                {.name = line.name, .code = line.code, .amount_vnd = line.amount});
        }
        print.sheets.push_back(std::move(sheet));
    }
    MOTCUA_ASSIGN_OR_RETURN(auto pdf, reporting::render::RenderReceiptsPdf(print));
    return PrintedDocument{"bien-lai-" + std::to_string(payment_id) + ".pdf", std::move(pdf)};
}

}  // namespace motcua::services
