#include "services/documents/document_types.hpp"

namespace motcua::services {

std::string ResultTypeKey(const domain::Procedure& procedure) {
    return "procedure:" +
           (procedure.national_code.empty() ? procedure.code : procedure.national_code);
}

std::string ComponentTypeKey(const domain::Component& component) {
    if (!component.result_of_procedure.empty()) {
        return "procedure:" + component.result_of_procedure;
    }
    return "paper:" + component.name_vi;
}

DocumentState StateOn(const storage::StoredDocument& document, std::string_view today) {
    if (!document.revoked_at.empty()) {
        return DocumentState::kRevoked;
    }
    // Civil dates as YYYY-MM-DD compare as text.
    if (!document.valid_until.empty() && document.valid_until < today) {
        return DocumentState::kExpired;
    }
    return DocumentState::kValid;
}

const char* DocumentStateName(DocumentState state) {
    switch (state) {
        case DocumentState::kValid:
            return "valid";
        case DocumentState::kExpired:
            return "expired";
        case DocumentState::kRevoked:
            return "revoked";
    }
    return "valid";
}

}  // namespace motcua::services
