// The register of electronic results (storage/e_result_store.hpp), written once for both
// backends.
#pragma once

#include "storage/e_result_store.hpp"
#include "storage/sql/statement.hpp"

namespace motcua::storage::sql {

class SqlEResultStore final : public EResultStore {
public:
    explicit SqlEResultStore(Session& session) : session_(session) {}
    Outcome<std::int64_t> Insert(const EResult& result) override;
    Outcome<std::optional<EResult>> FindByPublicId(const std::string& public_id) override;
    Outcome<std::optional<EResult>> FindBySha256(const std::string& sha256) override;
    Outcome<std::vector<EResult>> OfDossier(std::int64_t dossier_id) override;
    Outcome<bool> Revoke(std::int64_t id, const std::string& at, const std::string& by,
                         const std::string& reason) override;

private:
    // The row `where` (one placeholder, ?1 = `value`) selects first.
    Outcome<std::optional<EResult>> FindOne(std::string_view where, const std::string& value);

    Session& session_;
};

}  // namespace motcua::storage::sql
