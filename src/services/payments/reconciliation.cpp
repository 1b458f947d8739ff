#include "services/payments/reconciliation.hpp"

#include <limits>
#include <map>
#include <set>

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/payments/business_day.hpp"
#include "services/payments/ledger_reading.hpp"

namespace motcua::services {
namespace {

constexpr int kPage = 1000;

using Report = std::vector<GatewayTransaction>;

/// The ledger's view of the day: its payment rows through one channel, with the reference of
/// the order each settled, read in one transaction.
class LedgerView {
public:
    explicit LedgerView(storage::Transaction& transaction) : transaction_(transaction) {}

    Outcome<std::vector<storage::LedgerEntry>> PaymentsOn(const std::string& channel,
                                                          const std::string& day) {
        storage::LedgerFilter filter;
        filter.channel = channel;
        filter.business_date = day;
        filter.limit = kPage;
        MOTCUA_ASSIGN_OR_RETURN(auto rows, ReadLedger(transaction_.Payments(), filter,
                                                      std::numeric_limits<std::size_t>::max()));
        std::erase_if(rows, [](const storage::LedgerEntry& row) { return row.kind != "payment"; });
        return rows;
    }

    /// The reference of the order that `entry` settled; empty when none.
    Outcome<std::string> ReferenceOf(const storage::LedgerEntry& entry) {
        MOTCUA_ASSIGN_OR_RETURN(const auto& orders, OrdersOf(entry.dossier_id));
        for (const auto& order : orders) {
            if (order.id == entry.order_id) {
                return order.reference;
            }
        }
        return std::string();
    }

    /// The payment row that settled the order with `reference`, on any day; nullopt when none.
    Outcome<std::optional<storage::LedgerEntry>> PaymentOf(const storage::PaymentOrder& order) {
        MOTCUA_ASSIGN_OR_RETURN(const auto& rows, EntriesOf(order.dossier_id));
        for (const auto& row : rows) {
            if (row.kind == "payment" && row.order_id == order.id) {
                return std::optional<storage::LedgerEntry>(row);
            }
        }
        return std::optional<storage::LedgerEntry>();
    }

    Outcome<std::vector<storage::LedgerEntry>> EntriesOf(std::int64_t dossier_id) {
        auto& cached = entries_[dossier_id];
        if (!cached) {
            storage::LedgerFilter filter;
            filter.dossier_id = dossier_id;
            MOTCUA_ASSIGN_OR_RETURN(cached, transaction_.Payments().ListEntries(filter));
        }
        return *cached;
    }

private:
    Outcome<std::vector<storage::PaymentOrder>> OrdersOf(std::int64_t dossier_id) {
        auto& cached = orders_[dossier_id];
        if (!cached) {
            MOTCUA_ASSIGN_OR_RETURN(cached, transaction_.Payments().OrdersOfDossier(dossier_id));
        }
        return *cached;
    }

    storage::Transaction& transaction_;
    std::map<std::int64_t, std::optional<std::vector<storage::PaymentOrder>>> orders_;
    std::map<std::int64_t, std::optional<std::vector<storage::LedgerEntry>>> entries_;
};

ReconciliationItem Item(const GatewayTransaction* reported, const storage::LedgerEntry* row) {
    ReconciliationItem item;
    if (reported != nullptr) {
        item.reference = reported->reference;
        item.gateway_txn = reported->transaction_no;
        item.gateway_amount = reported->amount_vnd;
    }
    if (row != nullptr) {
        item.dossier_code = row->dossier_code;
        item.ledger_id = row->id;
        item.ledger_txn = row->gateway_txn;
        item.ledger_amount = row->amount;
    }
    return item;
}

bool Agrees(const GatewayTransaction& reported, const storage::LedgerEntry& row) {
    return reported.amount_vnd == row.amount && reported.transaction_no == row.gateway_txn;
}

const GatewayTransaction* FindReported(const Report& report, const std::string& reference) {
    for (const auto& reported : report) {
        if (reported.reference == reference) {
            return &reported;
        }
    }
    return nullptr;
}

/// Sorts `item` into matched or mismatched.
void Place(Reconciliation& result, bool agrees, ReconciliationItem item) {
    (agrees ? result.matched : result.mismatched).push_back(std::move(item));
}

/// The gateway's report of `day`; 503 gateway_unavailable (logged) when it cannot be had.
Outcome<Report> ReportOf(PaymentGateway& gateway, const std::string& day) {
    auto report = gateway.Report(day);
    if (!report) {
        spdlog::warn("reconciliation of {} on {}: no report: {}", gateway.Name(), day,
                     report.GetError().detail);
        return MakeError(ErrorKind::kUnavailable, "gateway_unavailable", "gateway");
    }
    return report;
}

/// The dossiers of `rows` whose ledger payments exceed what the dossier counts as paid.
Outcome<std::vector<UnappliedCredit>> FindUnapplied(storage::Transaction& transaction,
                                                    LedgerView& ledger,
                                                    const std::vector<storage::LedgerEntry>& rows) {
    std::vector<UnappliedCredit> unapplied;
    std::set<std::int64_t> seen;
    for (const auto& row : rows) {
        if (!seen.insert(row.dossier_id).second) {
            continue;
        }
        MOTCUA_ASSIGN_OR_RETURN(const auto dossier,
                                transaction.Dossiers().FindByCode(row.dossier_code));
        MOTCUA_ASSIGN_OR_RETURN(const auto entries, ledger.EntriesOf(row.dossier_id));
        UnappliedCredit credit{row.dossier_code, 0, dossier ? dossier->paid_total : 0, 0};
        for (const auto& entry : entries) {
            (entry.kind == "payment" ? credit.ledger_paid : credit.refunded) += entry.amount;
        }
        if (credit.ledger_paid > credit.dossier_paid) {
            unapplied.push_back(std::move(credit));
        }
    }
    return unapplied;
}

}  // namespace

Outcome<Reconciliation> PaymentReconciliation::Run(const domain::Actor& actor,
                                                   const std::string& gateway,
                                                   const std::string& date) {
    const auto snapshot = catalog_.GetSnapshot();
    const std::string root = snapshot->GetRootCode();
    if (!domain::IsAllowed(actor, domain::Permission::kReadIndicators, {root, 0},
                           MakeIsWithin(snapshot))) {
        (void)RecordAudit(database_, MakeAuditEntry(clock_, actor, "payment.reconciliation",
                                                    "agency", root, AuditOutcome::kDenied));
        return AccessDenied(actor);
    }
    PaymentGateway* chosen = payments_.FindGateway(gateway);
    if (chosen == nullptr) {
        return MakeError(ErrorKind::kInvalid, "unknown_gateway", "gateway");
    }
    const std::string today = BusinessDayToday(clock_);
    const std::string day = date.empty() ? today : date;
    if (!IsBusinessDay(day) || day > today) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "date");
    }
    auto report = ReportOf(*chosen, day);
    if (!report) {
        return report.GetError();
    }
    Reconciliation result;
    result.gateway = gateway;
    result.date = day;
    for (const auto& reported : report.Value()) {
        ++result.gateway_count;
        result.gateway_total += reported.amount_vnd;
    }
    // Rows of the day the day's report does not have, by reference, and rows of no order.
    std::map<std::string, storage::LedgerEntry> unmatched;
    std::vector<storage::LedgerEntry> unreferenced;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        LedgerView ledger(transaction);
        MOTCUA_ASSIGN_OR_RETURN(const auto rows, ledger.PaymentsOn(gateway, day));
        std::map<std::string, const storage::LedgerEntry*> by_reference;
        for (const auto& row : rows) {
            ++result.ledger_count;
            result.ledger_total += row.amount;
            MOTCUA_ASSIGN_OR_RETURN(const auto reference, ledger.ReferenceOf(row));
            if (reference.empty()) {
                unreferenced.push_back(row);
            } else {
                by_reference[reference] = &row;
            }
        }
        for (const auto& reported : report.Value()) {
            if (const auto found = by_reference.find(reported.reference);
                found != by_reference.end()) {
                Place(result, Agrees(reported, *found->second), Item(&reported, found->second));
                by_reference.erase(found);
                continue;
            }
            MOTCUA_ASSIGN_OR_RETURN(const auto order,
                                    transaction.Payments().FindOrder(reported.reference));
            std::optional<storage::LedgerEntry> row;
            if (order && order->gateway == gateway) {
                MOTCUA_ASSIGN_OR_RETURN(row, ledger.PaymentOf(*order));
            }
            if (!row) {
                auto item = Item(&reported, nullptr);
                item.dossier_code = order ? order->dossier_code : std::string();
                result.missing.push_back(std::move(item));
                continue;
            }
            auto item = Item(&reported, &*row);
            item.recorded_on = row->business_date;
            Place(result, Agrees(reported, *row), std::move(item));
        }
        for (const auto& [reference, row] : by_reference) {
            unmatched.emplace(reference, *row);
        }
        MOTCUA_ASSIGN_OR_RETURN(result.unapplied, FindUnapplied(transaction, ledger, rows));
        return Done{};
    }));
    if (!unmatched.empty()) {
        // The ledger records a payment when the gateway has settled it, so a row of the day may
        // be the gateway's the day before (paid just before midnight).
        auto before = ReportOf(*chosen, PreviousBusinessDay(day));
        if (!before) {
            return before.GetError();
        }
        for (const auto& [reference, row] : unmatched) {
            const GatewayTransaction* reported = FindReported(before.Value(), reference);
            if (reported == nullptr) {
                auto item = Item(nullptr, &row);
                item.reference = reference;
                result.extra.push_back(std::move(item));
                continue;
            }
            Place(result, Agrees(*reported, row), Item(reported, &row));
        }
    }
    for (const auto& row : unreferenced) {
        result.extra.push_back(Item(nullptr, &row));
    }
    (void)RecordAudit(
        database_,
        MakeAuditEntry(clock_, actor, "payment.reconciliation", "agency", root, AuditOutcome::kOk,
                       boost::json::serialize(boost::json::object{
                           {"gateway", gateway}, {"date", day}, {"balanced", result.Balanced()}})));
    return result;
}

}  // namespace motcua::services
