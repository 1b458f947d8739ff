#include "services/payments/ledger_reading.hpp"

namespace motcua::services {

Outcome<std::vector<storage::LedgerEntry>> ReadLedger(storage::PaymentStore& payments,
                                                      storage::LedgerFilter filter,
                                                      std::size_t most) {
    std::vector<storage::LedgerEntry> rows;
    while (rows.size() < most) {
        MOTCUA_ASSIGN_OR_RETURN(auto page, payments.ListEntries(filter));
        const bool last = page.size() < static_cast<std::size_t>(filter.limit);
        for (auto& entry : page) {
            filter.after_id = entry.id;
            rows.push_back(std::move(entry));
        }
        if (last) {
            break;
        }
    }
    return rows;
}

}  // namespace motcua::services
