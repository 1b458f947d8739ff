#include "connectors/witness/witness_protocol.hpp"

#include <boost/json.hpp>

#include "common/json_text.hpp"
#include "connectors/http/kept_text.hpp"
#include "services/audit/audit_anchor_message.hpp"

namespace motcua::connectors {
namespace {

namespace json = boost::json;

Error WitnessFailure(const std::string& detail) {
    return MakeError(ErrorKind::kUnavailable, "unavailable", "witness", KeepText(detail));
}

// The JSON of an answer; null when it is not JSON.
json::value Parse(std::string_view body) {
    boost::system::error_code error;
    auto parsed = json::parse(body, error);
    return error ? json::value() : parsed;
}

std::string StringField(const json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

}  // namespace

std::string WitnessRecordBody(std::string_view source, const services::AuditAnchor& anchor) {
    return ToJsonText(json::object{{"source", source},
                                   {"seq", anchor.seq},
                                   {"hash", anchor.hash},
                                   {"anchored_at", anchor.at}});
}

std::string WitnessListBody(std::string_view source, std::int64_t after_seq) {
    return ToJsonText(
        json::object{{"source", source}, {"after_seq", after_seq}, {"limit", kWitnessPageSize}});
}

WitnessRecordAnswer ReadWitnessRecordAnswer(int status, std::string_view body) {
    const auto parsed = Parse(body);
    const auto* object = parsed.if_object();
    if (status == 200 || status == 201) {
        const std::string state = object == nullptr ? "" : StringField(*object, "status");
        if ((status == 201 && state == "recorded") || (status == 200 && state == "held")) {
            return {.delivered = true};
        }
        return {.error = "malformed answer (HTTP " + std::to_string(status) + ")"};
    }
    if (status == 409) {
        const std::string held = object == nullptr ? "" : StringField(*object, "held_hash");
        return {.error = "conflict: the witness holds another hash for this row: " +
                         KeepText(held, 128)};
    }
    if (status == 401) {
        return {.error = "the witness refused the token (HTTP 401)"};
    }
    const std::string message = object == nullptr ? "" : StringField(*object, "message");
    return {.error = "HTTP " + std::to_string(status) +
                     (message.empty() ? "" : ": " + KeepText(message, 256))};
}

Outcome<WitnessPage> ReadWitnessPage(int status, std::string_view body, std::int64_t after_seq) {
    if (status != 200) {
        return WitnessFailure("list: HTTP " + std::to_string(status));
    }
    const auto parsed = Parse(body);
    const auto* object = parsed.if_object();
    const auto* anchors = object == nullptr ? nullptr : object->if_contains("anchors");
    const auto* more = object == nullptr ? nullptr : object->if_contains("more");
    if (anchors == nullptr || !anchors->is_array() || more == nullptr || !more->is_bool()) {
        return WitnessFailure("list: malformed answer");
    }
    WitnessPage page{.more = more->get_bool()};
    std::int64_t previous = after_seq;
    for (const auto& item : anchors->get_array()) {
        const auto* anchor = item.if_object();
        const auto* seq = anchor == nullptr ? nullptr : anchor->if_contains("seq");
        if (seq == nullptr || !seq->is_int64() || seq->get_int64() <= previous) {
            return WitnessFailure("list: an anchor without a seq above " +
                                  std::to_string(previous));
        }
        std::string hash = StringField(*anchor, "hash");
        std::string at = StringField(*anchor, "anchored_at");
        if (!services::IsChainHash(hash) || at.empty()) {
            return WitnessFailure("list: the anchor of row " + std::to_string(seq->get_int64()) +
                                  " has no hash or time");
        }
        previous = seq->get_int64();
        page.anchors.push_back({.at = std::move(at), .seq = previous, .hash = std::move(hash)});
    }
    if (page.more && page.anchors.empty()) {
        return WitnessFailure("list: an empty page that says more follow");
    }
    return page;
}

}  // namespace motcua::connectors
