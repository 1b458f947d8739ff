// CatalogSnapshot: an immutable, indexed copy of the reference data that every request reads
// without locks. The service builds a new snapshot when the catalogue changes and swaps it in.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/access/permissions.hpp"
#include "domain/catalog/agency.hpp"
#include "domain/catalog/procedure.hpp"
#include "domain/search/text_index.hpp"

namespace motcua::services {

struct CatalogSnapshot {
    std::int64_t revision = 0;
    std::vector<domain::Agency> agencies;
    std::unordered_map<std::string, std::size_t> agency_by_code;  // Both spellings.
    std::vector<std::vector<std::size_t>> agency_children;        // Parallel to `agencies`.
    std::vector<std::size_t> agency_order;                        // Tree order (depth first).
    domain::search::TextIndex agency_index;                       // Doc id = agency position.

    std::vector<domain::Field> fields;
    std::unordered_map<std::string, std::size_t> field_by_code;
    std::vector<int> field_procedure_counts;  // Parallel to `fields`.

    std::vector<domain::Procedure> procedures;
    std::unordered_map<std::string, std::size_t> procedure_by_code;
    std::vector<std::size_t> procedure_order;   // Default listing: by folded Vietnamese name.
    domain::search::TextIndex procedure_index;  // Doc id = procedure position.

    /// Returns the agency with `code` (either spelling), or nullptr.
    const domain::Agency* FindAgency(const std::string& code) const;
    /// Returns the field's Vietnamese and English names, or nullptr.
    const domain::Field* FindField(const std::string& code) const;
    /// Returns the procedure with `code`, or nullptr.
    const domain::Procedure* FindProcedure(const std::string& code) const;
    /// Returns true when `code` is `ancestor` or lies in its subtree.
    bool IsWithin(const std::string& code, const std::string& ancestor) const;
    /// Returns the code of the root agency (the province), or "" for an empty tree.
    std::string GetRootCode() const;
    /// Returns every agency code in the subtree of `ancestor`, `ancestor` included.
    std::vector<std::string> SubtreeCodes(const std::string& ancestor) const;
};

/// Returns the agency relation of `snapshot` for the permission checks (it keeps it alive).
domain::IsWithinAgency MakeIsWithin(std::shared_ptr<const CatalogSnapshot> snapshot);

/// Builds the indexes of a snapshot from loaded records.
std::shared_ptr<const CatalogSnapshot> BuildCatalogSnapshot(
    std::int64_t revision, std::vector<domain::Agency> agencies, std::vector<domain::Field> fields,
    std::vector<domain::Procedure> procedures);

}  // namespace motcua::services
