#include "interchange/action_json.hpp"

#include "interchange/json_reader.hpp"

namespace motcua::interchange {

Outcome<domain::ActionInput> ActionInputFromJson(const boost::json::object& json,
                                                 const std::string& path,
                                                 std::initializer_list<std::string_view> skip,
                                                 Nulls nulls) {
    JsonReader reader(json, path, nulls);
    domain::ActionInput input;
    const std::string name = reader.String("action", true);
    if (auto action = domain::ParseAction(name)) {
        input.action = *action;
    } else if (!name.empty()) {
        reader.Fail("action", "is not a dossier action");
    }
    input.note = reader.String("note", false);
    input.to_agency = reader.String("to_agency", false);
    input.new_due_at = reader.Time("new_due_at");
    input.payment_channel = reader.String("channel", false);
    input.amount = reader.Integer("amount", false).value_or(0);
    input.payment_method = reader.String("method", false);
    input.payment_reference = reader.String("reference", false);
    input.result_kind = reader.String("result_kind", false);
    input.delivery = reader.String("delivery", false);
    input.component = reader.String("component", false);
    input.source = reader.String("source", false);
    input.document = reader.Integer("document", false).value_or(0);
    input.file_sha256 = reader.String("file_sha256", false);
    input.system = reader.String("system", false);
    input.rating = reader.String("rating", false);
    if (const auto* reasons = reader.Array("reasons", false)) {
        for (const auto& reason : *reasons) {
            if (!reason.is_string() || reason.get_string().empty()) {
                reader.Fail("reasons", "must be non-empty strings");
                break;
            }
            input.reasons.emplace_back(reason.get_string());
        }
    }
    if (const auto& failure = reader.GetError()) {
        return *failure;
    }
    boost::json::object payload = json;
    payload.erase("action");
    for (const auto key : skip) {
        payload.erase(key);
    }
    input.payload_json = boost::json::serialize(payload);
    return input;
}

}  // namespace motcua::interchange
