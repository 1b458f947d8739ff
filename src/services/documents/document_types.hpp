// What paper a stored document of the data store (kho dữ liệu, docs/data-store.md) is, which
// components of a procedure it can stand for, and whether it is still good to use. A signed
// result is the paper its procedure produces ("procedure:<national code>"); a scan is the paper
// its component asked for: the result of the procedure the catalogue names for the component
// (Component::result_of_procedure), else the component's own paper, by its Vietnamese name.
#pragma once

#include <string>
#include <string_view>

#include "domain/catalog/procedure.hpp"
#include "storage/stored_document_store.hpp"

namespace motcua::services {

/// The type key of the result `procedure` produces.
std::string ResultTypeKey(const domain::Procedure& procedure);
/// The type key of the paper `component` asks for (what a stored document must be to serve).
std::string ComponentTypeKey(const domain::Component& component);

/// The last day a result issued on civil date `issued` (YYYY-MM-DD) is valid when it is valid for
/// `months` months: the corresponding day of the last month, or that month's last day when it
/// has none (BLDS 2015 Art. 147(2), 148(3)); "" for 0 months or a malformed date.
std::string ValidUntil(std::string_view issued, int months);

enum class DocumentState { kValid, kExpired, kRevoked };

/// The document's state on civil date `today` (YYYY-MM-DD, Asia/Ho_Chi_Minh).
DocumentState StateOn(const storage::StoredDocument& document, std::string_view today);
/// "valid", "expired" or "revoked".
const char* DocumentStateName(DocumentState state);

}  // namespace motcua::services
