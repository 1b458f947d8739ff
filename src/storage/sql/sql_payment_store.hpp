// Payment orders and the ledger (storage/payment_store.hpp), written once for both backends.
#pragma once

#include "storage/payment_store.hpp"
#include "storage/sql/statement.hpp"

namespace motcua::storage::sql {

class SqlPaymentStore final : public PaymentStore {
public:
    explicit SqlPaymentStore(Session& session) : session_(session) {}
    Outcome<std::int64_t> InsertOrder(const PaymentOrder& order) override;
    Outcome<std::optional<PaymentOrder>> FindOrder(const std::string& reference) override;
    Outcome<std::optional<PaymentOrder>> FindOrderForUpdate(const std::string& reference) override;
    Outcome<std::vector<PaymentOrder>> OrdersOfDossier(std::int64_t dossier_id) override;
    Outcome<std::vector<PaymentOrder>> OpenOrders(const std::string& gateway,
                                                  const std::string& created_before,
                                                  int limit) override;
    Outcome<Done> UpdateOrder(std::int64_t id, const std::string& status,
                              const std::string& gateway, const std::string& paid_at) override;
    Outcome<std::int64_t> RecordEntry(const LedgerEntry& entry) override;
    Outcome<std::optional<LedgerEntry>> FindEntry(std::int64_t id) override;
    Outcome<std::vector<LedgerEntry>> ListEntries(const LedgerFilter& filter) override;
    Outcome<std::int64_t> InsertClosing(const DaybookClosing& closing) override;
    Outcome<std::optional<DaybookClosing>> FindClosing(const std::string& agency,
                                                       const std::string& business_date) override;

private:
    Outcome<std::optional<PaymentOrder>> FindOrderWhere(const std::string& reference,
                                                        bool for_update);

    Session& session_;
};

}  // namespace motcua::storage::sql
