// CatalogService: the use cases of the reference data — search and read the procedure catalogue
// and the agency tree, and import both from the documented JSON format (docs/import-format.md).
// Reads are served from an immutable in-memory snapshot, rebuilt when the stored catalogue's
// revision changes (checked at most once per `refresh_interval`, so several server processes on
// one database converge).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/access/actor.hpp"
#include "services/access/access_check.hpp"
#include "services/catalog/catalog_snapshot.hpp"
#include "storage/database.hpp"

namespace motcua::services {

inline constexpr int kDefaultPageSize = 20;
inline constexpr int kMaxPageSize = 100;
inline constexpr std::size_t kMaxQueryLength = 200;  // Characters, not bytes.

struct ProcedureQuery {
    std::string text;  // Free text; empty lists in name order.
    std::optional<std::string> field;
    std::optional<std::string> agency;  // Procedures settled or received within this subtree.
    std::optional<domain::ProcedureLevel> level;
    std::optional<domain::OnlineLevel> online_level;
    int limit = kDefaultPageSize;
    std::string cursor;
};

struct AgencyQuery {
    std::string text;
    std::optional<domain::AgencyKind> kind;
    std::optional<std::string> parent;  // Direct children of this agency.
    int limit = kDefaultPageSize;
    std::string cursor;
};

/// One page of results: positions into the snapshot that was read, best first.
struct CatalogPage {
    std::shared_ptr<const CatalogSnapshot> snapshot;
    std::vector<std::size_t> items;
    std::size_t total = 0;
    std::string next_cursor;  // Empty on the last page.
};

class CatalogService {
public:
    CatalogService(storage::Database& database, const Clock& clock,
                   std::chrono::milliseconds refresh_interval = std::chrono::seconds(1));

    /// Loads the stored catalogue; call once at start-up.
    Outcome<Done> Load();

    Outcome<CatalogPage> SearchProcedures(const ProcedureQuery& query);
    Outcome<CatalogPage> SearchAgencies(const AgencyQuery& query);
    /// Returns the snapshot and the position of the procedure with `code`.
    Outcome<std::pair<std::shared_ptr<const CatalogSnapshot>, std::size_t>> GetProcedure(
        const std::string& code);
    Outcome<std::pair<std::shared_ptr<const CatalogSnapshot>, std::size_t>> GetAgency(
        const std::string& code);
    /// Returns the current snapshot (fields, tree), refreshed if stale.
    std::shared_ptr<const CatalogSnapshot> GetSnapshot();

    /// Validates the whole file, then upserts it atomically with its audit record.
    Outcome<storage::ImportSummary> ImportAgencies(const domain::Actor& actor,
                                                   std::string_view file_text);
    Outcome<storage::ImportSummary> ImportProcedures(const domain::Actor& actor,
                                                     std::string_view file_text);

    /// Creates or replaces the agency `code` with `record` (its document in the import format;
    /// a "code" in it must be `code`): the same rules, permission, atomic storage and audit as an
    /// import of that one record. Returns true when the agency was created. Error params name the
    /// record's field directly ("parent", "history[0].date").
    Outcome<bool> PutAgency(const domain::Actor& actor, const std::string& code,
                            boost::json::object record);
    /// Creates or replaces the procedure `code` with `record`, as PutAgency does.
    Outcome<bool> PutProcedure(const domain::Actor& actor, const std::string& code,
                               boost::json::object record);

private:
    Outcome<Done> Reload();
    void RefreshIfStale();
    /// Stores a validated import with its audit record, then refreshes the snapshot.
    Outcome<storage::ImportSummary> StoreImport(
        const domain::Actor& actor, const AuditSubject& audit,
        const std::function<Outcome<storage::ImportSummary>(storage::CatalogStore&)>& upsert);
    /// Validates agencies against the stored tree, then stores them atomically with one audit
    /// record. `one_record`: the params of errors name the field alone, not "agencies[i].".
    Outcome<storage::ImportSummary> StoreAgencies(const domain::Actor& actor,
                                                  const CatalogSnapshot& snapshot,
                                                  const std::vector<domain::Agency>& agencies,
                                                  const AuditSubject& audit, bool one_record);
    /// The same for procedures (with the fields of their file, possibly none).
    Outcome<storage::ImportSummary> StoreProcedures(
        const domain::Actor& actor, const CatalogSnapshot& snapshot,
        const std::vector<domain::Field>& fields, const std::vector<domain::Procedure>& procedures,
        const AuditSubject& audit, bool one_record);

    storage::Database& database_;
    storage::CatalogRepository& repository_;
    const Clock& clock_;
    std::chrono::milliseconds refresh_interval_;

    std::mutex mutex_;  // Guards snapshot_ and last_check_.
    std::shared_ptr<const CatalogSnapshot> snapshot_;
    Instant last_check_{};
};

/// Encodes a page offset as the opaque cursor of the API; decodes it back (nullopt if invalid).
std::string EncodeCursor(std::size_t offset);
std::optional<std::size_t> DecodeCursor(std::string_view cursor);

}  // namespace motcua::services
