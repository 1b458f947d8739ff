#include "services/payments/daybook.hpp"

#include <algorithm>
#include <map>

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"

namespace motcua::services {
namespace {

constexpr int kPage = 1000;
constexpr std::size_t kMostEntries = 100'000;  // A day of a province's desks, many times over.

bool IsDate(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    const int month = std::stoi(text.substr(5, 2));
    const int day = std::stoi(text.substr(8, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

Outcome<Daybook> PaymentDaybook::Read(const domain::Actor& actor, const std::string& agency,
                                      const std::string& date) {
    const auto snapshot = catalog_.GetSnapshot();
    if (snapshot->FindAgency(agency) == nullptr) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "agency");
    }
    const std::string day = date.empty() ? FormatVietnam(clock_.Now()).substr(0, 10) : date;
    if (!IsDate(day)) {
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
    Daybook book{agency, day, {}, {}, 0, 0};
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        for (const auto& code : snapshot->SubtreeCodes(agency)) {
            storage::LedgerFilter filter;
            filter.agency = code;
            filter.business_date = day;
            filter.limit = kPage;
            for (;;) {
                MOTCUA_ASSIGN_OR_RETURN(auto page, transaction.Payments().ListEntries(filter));
                for (auto& entry : page) {
                    filter.after_id = entry.id;
                    book.entries.push_back(std::move(entry));
                }
                if (page.size() < static_cast<std::size_t>(kPage) ||
                    book.entries.size() >= kMostEntries) {
                    break;
                }
            }
        }
        return Done{};
    }));
    std::sort(book.entries.begin(), book.entries.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    std::map<std::string, DaybookChannel> channels;
    for (const auto& entry : book.entries) {
        auto& channel = channels[entry.channel];
        channel.channel = entry.channel;
        ++channel.count;
        (entry.kind == "refund" ? channel.refunds : channel.payments) += entry.amount;
        (entry.kind == "refund" ? book.refunds : book.payments) += entry.amount;
    }
    for (auto& [name, channel] : channels) {
        book.channels.push_back(std::move(channel));
    }
    (void)RecordAudit(
        database_,
        MakeAuditEntry(clock_, actor, "payment.daybook", "agency", agency, AuditOutcome::kOk,
                       boost::json::serialize(boost::json::object{{"date", day}})));
    return book;
}

}  // namespace motcua::services
