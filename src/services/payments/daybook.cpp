#include "services/payments/daybook.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/payments/business_day.hpp"
#include "services/payments/ledger_reading.hpp"

namespace motcua::services {
namespace {

constexpr int kPage = 1000;
constexpr std::size_t kMostEntries = 100'000;  // A day of a province's desks, many times over.
constexpr std::size_t kMaxClosingNote = 1000;

/// Reads `book`'s rows (agency and date set) and totals them.
Outcome<Done> Collect(storage::Transaction& transaction, const CatalogSnapshot& snapshot,
                      Daybook& book) {
    for (const auto& code : snapshot.SubtreeCodes(book.agency)) {
        if (book.entries.size() >= kMostEntries) {
            break;
        }
        storage::LedgerFilter filter;
        filter.agency = code;
        filter.business_date = book.date;
        filter.limit = kPage;
        MOTCUA_ASSIGN_OR_RETURN(auto rows, ReadLedger(transaction.Payments(), filter,
                                                      kMostEntries - book.entries.size()));
        std::move(rows.begin(), rows.end(), std::back_inserter(book.entries));
    }
    std::sort(book.entries.begin(), book.entries.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    std::map<std::string, DaybookChannel> channels;
    for (const auto& entry : book.entries) {
        const bool refund = entry.kind == "refund";
        auto& channel = channels[entry.channel];
        channel.channel = entry.channel;
        ++channel.count;
        (refund ? channel.refunds : channel.payments) += entry.amount;
        (refund ? book.refunds : book.payments) += entry.amount;
        if (entry.channel == "cash") {
            book.cash += refund ? -entry.amount : entry.amount;
        }
    }
    for (auto& [name, channel] : channels) {
        book.channels.push_back(std::move(channel));
    }
    return Done{};
}

}  // namespace

Outcome<Daybook> PaymentDaybook::Read(const domain::Actor& actor, const std::string& agency,
                                      const std::string& date) {
    const auto snapshot = catalog_.GetSnapshot();
    if (snapshot->FindAgency(agency) == nullptr) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "agency");
    }
    const std::string day = date.empty() ? BusinessDayToday(clock_) : date;
    if (!IsBusinessDay(day)) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "date");
    }
    const auto is_within = MakeIsWithin(snapshot);
    const domain::AccessTarget target{agency, 0};
    if (!domain::IsAllowed(actor, domain::Permission::kCollectPayment, target, is_within) &&
        !domain::IsAllowed(actor, domain::Permission::kReadIndicators, target, is_within)) {
        (void)RecordAudit(database_, MakeAuditEntry(clock_, actor, "payment.daybook", "agency",
                                                    agency, AuditOutcome::kDenied));
        return AccessDenied(actor);
    }
    Daybook book{.agency = agency, .date = day};
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_RETURN_IF_ERROR(Collect(transaction, *snapshot, book));
        MOTCUA_ASSIGN_OR_RETURN(book.closing, transaction.Payments().FindClosing(agency, day));
        return Done{};
    }));
    (void)RecordAudit(
        database_,
        MakeAuditEntry(clock_, actor, "payment.daybook", "agency", agency, AuditOutcome::kOk,
                       boost::json::serialize(boost::json::object{{"date", day}})));
    return book;
}

Outcome<storage::DaybookClosing> PaymentDaybook::Close(const domain::Actor& actor,
                                                       const ClosingClaim& claim) {
    const auto snapshot = catalog_.GetSnapshot();
    if (snapshot->FindAgency(claim.agency) == nullptr) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "agency");
    }
    const std::string today = BusinessDayToday(clock_);
    const std::string day = claim.date.empty() ? today : claim.date;
    if (!IsBusinessDay(day) || day > today) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "date");
    }
    if (!domain::IsAllowed(actor, domain::Permission::kCollectPayment, {claim.agency, 0},
                           MakeIsWithin(snapshot))) {
        (void)RecordAudit(database_, MakeAuditEntry(clock_, actor, "payment.close", "agency",
                                                    claim.agency, AuditOutcome::kDenied));
        return AccessDenied(actor);
    }
    if (claim.cash_counted < 0) {
        return MakeError(ErrorKind::kInvalid, "invalid_closing", "cash_counted");
    }
    if (claim.note.size() > kMaxClosingNote) {
        return MakeError(ErrorKind::kInvalid, "invalid_closing", "note");
    }
    storage::DaybookClosing closing;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        Daybook book{.agency = claim.agency, .date = day};
        MOTCUA_RETURN_IF_ERROR(Collect(transaction, *snapshot, book));
        closing.agency = claim.agency;
        closing.business_date = day;
        closing.closed_at = FormatUtc(clock_.Now());
        closing.closed_by = actor.EventLogin();
        closing.last_entry_id = book.entries.empty() ? 0 : book.entries.back().id;
        closing.entries = static_cast<int>(book.entries.size());
        closing.payments = book.payments;
        closing.refunds = book.refunds;
        closing.cash_expected = book.cash;
        closing.cash_counted = claim.cash_counted;
        closing.note = claim.note;
        MOTCUA_ASSIGN_OR_RETURN(closing.id, transaction.Payments().InsertClosing(closing));
        return AppendAudit(transaction,
                           MakeAuditEntry(clock_, actor, "payment.close", "agency", claim.agency,
                                          AuditOutcome::kOk,
                                          boost::json::serialize(boost::json::object{
                                              {"date", day},
                                              {"entries", closing.entries},
                                              {"cash_expected_vnd", closing.cash_expected},
                                              {"cash_counted_vnd", closing.cash_counted}})));
    }));
    return closing;
}

}  // namespace motcua::services
