#include "interchange/dossier_history_json.hpp"

#include "common/time_format.hpp"
#include "interchange/action_json.hpp"
#include "interchange/json_reader.hpp"

namespace motcua::interchange {

Outcome<HistoryRecord> ParseHistoryLine(std::string_view line) {
    MOTCUA_ASSIGN_OR_RETURN(auto document, ParseJsonDocument(line));
    if (!document.is_object()) {
        return MakeError(ErrorKind::kInvalid, "invalid_import", "$", "each line is a JSON object");
    }
    const auto& json = document.get_object();
    JsonReader reader(json, "", Nulls::kAbsent);
    HistoryRecord record;
    record.code = reader.String("code", true);
    record.procedure_code = reader.String("procedure", true);
    record.agency = reader.String("agency", true);
    const std::string channel = reader.String("channel", true);
    if (auto parsed = domain::ParseChannel(channel)) {
        record.channel = *parsed;
    } else if (!channel.empty()) {
        reader.Fail("channel", "must be online, desk or postal");
    }
    if (const auto* applicant = reader.Object("applicant", true)) {
        JsonReader person(*applicant, "applicant", Nulls::kAbsent);
        record.applicant = {person.String("kind", true),   person.String("id_number", true),
                            person.String("name", true),   person.String("phone", false),
                            person.String("email", false), person.String("address", false)};
        if (const auto& failure = person.GetError()) {
            return *failure;
        }
    }
    record.fee_total = reader.Integer("fee_total", false);
    record.due_at = reader.Time("due_at");
    if (const auto* events = reader.Array("events", true)) {
        if (events->empty()) {
            reader.Fail("events", "a dossier has at least its submission or reception");
        }
        for (std::size_t i = 0; i < events->size() && !reader.GetError(); ++i) {
            const std::string path = reader.Path("events", i);
            if (!(*events)[i].is_object()) {
                return MakeError(ErrorKind::kInvalid, "invalid_import", path, "must be an object");
            }
            const auto& event = (*events)[i].get_object();
            MOTCUA_ASSIGN_OR_RETURN(
                auto input, ActionInputFromJson(event, path, {"at", "actor"}, Nulls::kAbsent));
            JsonReader event_reader(event, path, Nulls::kAbsent);
            const std::string at = event_reader.String("at", true);
            const auto instant = ParseRfc3339(at);
            if (!instant) {
                return MakeError(ErrorKind::kInvalid, "invalid_import", path + ".at",
                                 "must be an RFC 3339 date-time with an offset");
            }
            input.at = *instant;
            input.actor_login = event_reader.String("actor", false);
            record.events.push_back({std::move(input)});
        }
    }
    if (const auto& failure = reader.GetError()) {
        return *failure;
    }
    record.metadata_json = reader.UnknownFieldsJson();
    return record;
}

}  // namespace motcua::interchange
