// The data store's writes (kho dữ liệu, docs/data-store.md §2), each in the transaction of the
// dossier fact or the revocation that causes it, so the store never disagrees with the dossiers:
// a desk scan joins the component's stored scan, a returned electronic result is deposited for
// its holder, a reuse is written in the reused document's history, and a revoked result is
// revoked in the store too.
#pragma once

#include <string>

#include "common/outcome.hpp"
#include "domain/catalog/procedure.hpp"
#include "domain/dossier/lifecycle.hpp"
#include "storage/transaction.hpp"

namespace motcua::services {

/// Checks that component `input.component` of `dossier` may take data-store document
/// `input.document` and fills `input.document_files` with its files. Errors: 404
/// document_not_found (no such document of the dossier's applicant), 409 document_not_valid
/// (revoked, or expired on the action's day), 400 document_not_matching (not the paper the
/// component asks for).
Outcome<Done> PrepareReuse(storage::Transaction& transaction, const domain::Dossier& dossier,
                           const domain::Procedure& procedure, domain::ActionInput& input);

/// Records in the data store what fact `input` did to `dossier` (its state after the fact).
Outcome<Done> RecordInDataStore(storage::Transaction& transaction,
                                const domain::Procedure& procedure, const domain::Dossier& dossier,
                                const domain::ActionInput& input);

/// Marks revoked the stored copies of signed result `public_id`, with a history entry each.
Outcome<Done> RevokeStoredResult(storage::Transaction& transaction, const std::string& public_id,
                                 const std::string& at, const std::string& actor,
                                 const std::string& reason);

}  // namespace motcua::services
