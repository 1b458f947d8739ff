#include "services/payments/receipts.hpp"

#include <array>
#include <cstdio>

#include "domain/catalog/fee_due.hpp"
#include "domain/payments/amount_in_words.hpp"
#include "services/access/access_check.hpp"
#include "services/payments/payment_orders.hpp"

namespace motcua::services {
namespace {

std::string ReceiptNumber(std::int64_t payment_id, const std::string& kind) {
    std::array<char, 24> digits{};
    std::snprintf(digits.data(), digits.size(), "%07lld", static_cast<long long>(payment_id));
    return std::string("BL") + digits.data() + (kind == "charge" ? "-P" : "-LP");
}

/// The dossier's items due: its order's when the payment settled one, else the procedure's
/// for the dossier's copies and exemption, else its whole figure as one lệ phí.
std::vector<domain::PaidLine> DueLines(const domain::Dossier& dossier,
                                       const storage::PaymentOrder* order,
                                       const domain::Procedure* procedure) {
    std::vector<domain::PaidLine> due;
    if (order != nullptr) {
        for (auto& item : ReadOrderItems(order->items_json)) {
            due.push_back({std::move(item.kind), std::move(item.code), std::move(item.name),
                           item.amount_vnd});
        }
        return due;
    }
    if (procedure != nullptr) {
        if (auto computed =
                domain::ComputeFeeDue(*procedure, {dossier.fee_copies, dossier.fee_exemption})) {
            for (const auto& line : computed.Value().lines) {
                due.push_back({std::string(domain::FeeKindName(line.kind)), line.code, line.name_vi,
                               line.amount});
            }
            return due;
        }
    }
    due.push_back({"fee", "", "Số tiền phải nộp", dossier.fee_total});
    return due;
}

std::vector<Receipt> SplitReceipts(std::int64_t payment_id,
                                   const std::vector<domain::PaidLine>& paid) {
    std::vector<Receipt> receipts;
    for (const char* kind : {"charge", "fee"}) {
        Receipt receipt;
        receipt.kind = kind;
        for (const auto& line : paid) {
            if (line.kind == kind) {
                receipt.total += line.amount;
                receipt.lines.push_back(line);
            }
        }
        if (receipt.lines.empty()) {
            continue;
        }
        receipt.number = ReceiptNumber(payment_id, receipt.kind);
        receipt.total_in_words = domain::AmountInWords(receipt.total);
        receipts.push_back(std::move(receipt));
    }
    return receipts;
}

}  // namespace

Outcome<PaymentReceiptSet> PaymentReceipts::Read(const domain::Actor& actor,
                                                 std::int64_t payment_id) {
    if (actor.IsAnonymous()) {
        return AccessDenied(actor);
    }
    std::optional<storage::LedgerEntry> payment;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(payment, transaction.Payments().FindEntry(payment_id));
        return Done{};
    }));
    if (!payment || payment->kind != "payment") {
        return MakeError(ErrorKind::kNotFound, "payment_not_found", "id");
    }
    MOTCUA_ASSIGN_OR_RETURN(const auto view, dossiers_.Get(actor, payment->dossier_code));
    const domain::Dossier& dossier = view.dossier;
    PaymentReceiptSet set;
    std::vector<storage::PaymentOrder> orders;
    std::vector<storage::LedgerEntry> entries;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto& payments = transaction.Payments();
        MOTCUA_ASSIGN_OR_RETURN(orders, payments.OrdersOfDossier(dossier.id));
        storage::LedgerFilter filter;
        filter.dossier_id = dossier.id;
        MOTCUA_ASSIGN_OR_RETURN(entries, payments.ListEntries(filter));
        return Done{};
    }));
    const storage::PaymentOrder* order = nullptr;
    for (const auto& candidate : orders) {
        if (candidate.id == payment->order_id) {
            order = &candidate;
            set.reference = candidate.reference;
        }
    }
    std::int64_t paid_before = 0;
    for (const auto& entry : entries) {
        if (entry.kind == "payment" && entry.id < payment->id) {
            paid_before += entry.amount;
        }
        if (entry.kind == "refund" && entry.refund_of == payment->id) {
            set.refunded = entry.amount;
            set.refunded_at = entry.recorded_at;
        }
    }
    const auto snapshot = catalog_.GetSnapshot();
    const domain::Procedure* procedure = snapshot->FindProcedure(dossier.procedure_code);
    const auto paid =
        domain::AllocatePayment(DueLines(dossier, order, procedure), paid_before, payment->amount);
    set.receipts = SplitReceipts(payment->id, paid);
    set.payer_name = dossier.applicant.name;
    set.payer_address = dossier.applicant.address;
    set.procedure_code = dossier.procedure_code;
    set.procedure_name = procedure != nullptr ? procedure->name_vi : std::string();
    if (const auto* agency = snapshot->FindAgency(payment->agency)) {
        set.agency_name = agency->name_vi;
    }
    set.payment = std::move(*payment);
    return set;
}

}  // namespace motcua::services
