// InMemoryCatalogRepository: a CatalogRepository kept in vectors, for service tests.
// It follows the contract suite's rules (upsert by code, revision bump on change).
#pragma once

#include <algorithm>

#include "storage/catalog_repository.hpp"

namespace motcua::testing {

class InMemoryCatalogRepository final : public storage::CatalogRepository {
public:
    Outcome<storage::ImportSummary> UpsertAgencies(
        const std::vector<domain::Agency>& agencies) override {
        storage::ImportSummary summary;
        for (const auto& agency : agencies) {
            Upsert(agencies_, agency, summary);
        }
        ++revision_;
        return summary;
    }
    Outcome<storage::ImportSummary> UpsertProcedures(
        const std::vector<domain::Field>& fields,
        const std::vector<domain::Procedure>& procedures) override {
        storage::ImportSummary summary;
        storage::ImportSummary ignored;
        for (const auto& field : fields) {
            Upsert(fields_, field, ignored);
        }
        for (const auto& procedure : procedures) {
            Upsert(procedures_, procedure, summary);
        }
        ++revision_;
        return summary;
    }
    Outcome<std::vector<domain::Agency>> LoadAgencies() const override { return agencies_; }
    Outcome<std::vector<domain::Field>> LoadFields() const override { return fields_; }
    Outcome<std::vector<domain::Procedure>> LoadProcedures() const override { return procedures_; }
    Outcome<std::int64_t> GetCatalogRevision() const override { return revision_; }
    /// Changes the revision as another server process writing the same database would.
    void BumpRevisionForTest() { ++revision_; }

private:
    template <typename T>
    static void Upsert(std::vector<T>& records, const T& record, storage::ImportSummary& summary) {
        const auto found = std::find_if(records.begin(), records.end(), [&](const T& stored) {
            return stored.code == record.code;
        });
        if (found == records.end()) {
            records.push_back(record);
            ++summary.inserted;
        } else {
            *found = record;
            ++summary.updated;
        }
    }

    std::vector<domain::Agency> agencies_;
    std::vector<domain::Field> fields_;
    std::vector<domain::Procedure> procedures_;
    std::int64_t revision_ = 0;
};

}  // namespace motcua::testing
