#include "services/audit/audit_anchor_message.hpp"

#include <boost/json.hpp>

#include "common/json_text.hpp"
#include "storage/file_store.hpp"

namespace motcua::services {

bool IsChainHash(std::string_view text) { return storage::IsSha256Hex(text); }

std::string AnchorPayload(const AuditAnchor& anchor) {
    return ToJsonText(boost::json::object{
        {"seq", anchor.seq}, {"hash", anchor.hash}, {"anchored_at", anchor.at}});
}

std::optional<AuditAnchor> ParseAnchorPayload(std::string_view payload) {
    boost::system::error_code error;
    const auto parsed = boost::json::parse(payload, error);
    const auto* object = error ? nullptr : parsed.if_object();
    if (object == nullptr) {
        return std::nullopt;
    }
    const auto* seq = object->if_contains("seq");
    const auto* hash = object->if_contains("hash");
    const auto* at = object->if_contains("anchored_at");
    if (seq == nullptr || !seq->is_int64() || seq->get_int64() < 1 || hash == nullptr ||
        !hash->is_string() || !IsChainHash(hash->get_string()) || at == nullptr ||
        !at->is_string() || at->get_string().empty()) {
        return std::nullopt;
    }
    return AuditAnchor{.at = std::string(at->get_string()),
                       .seq = seq->get_int64(),
                       .hash = std::string(hash->get_string())};
}

}  // namespace motcua::services
