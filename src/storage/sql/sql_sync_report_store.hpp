// The sync reconciliation (storage/sync_report_store.hpp), written once for both backends.
#pragma once

#include "storage/sql/statement.hpp"
#include "storage/sync_report_store.hpp"

namespace motcua::storage::sql {

class SqlSyncReportStore final : public SyncReportStore {
public:
    explicit SqlSyncReportStore(Session& session) : session_(session) {}
    Outcome<std::vector<SyncTally>> Tally(const SyncReportFilter& filter) override;
    Outcome<std::vector<SyncGap>> ListGaps(const SyncReportFilter& filter) override;

private:
    Session& session_;
};

}  // namespace motcua::storage::sql
