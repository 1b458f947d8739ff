#include "interchange/catalog_json.hpp"

#include "domain/catalog/fee_due.hpp"
#include "interchange/json_reader.hpp"

namespace motcua::interchange {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

// Reads an enum through its parser, recording an error naming the allowed values.
template <typename Parser>
auto ReadEnum(JsonReader& reader, std::string_view key, Parser parse, std::string_view allowed)
    -> decltype(parse(std::string_view{})) {
    const std::string text = reader.String(key, true);
    if (text.empty()) {  // Absent ("is required" is already recorded) or "".
        reader.Fail(key, "must be one of " + std::string(allowed));
        return {};
    }
    auto parsed = parse(text);
    if (!parsed) {
        reader.Fail(key, "must be one of " + std::string(allowed));
    }
    return parsed;
}

int ReadInt(JsonReader& reader, std::string_view key, bool required, int fallback) {
    const auto number = reader.Integer(key, required);
    if (number && (*number < INT32_MIN || *number > INT32_MAX)) {
        reader.Fail(key, "is out of range");
        return fallback;
    }
    return number ? static_cast<int>(*number) : fallback;
}

std::vector<std::string> ReadStrings(JsonReader& reader, std::string_view key) {
    std::vector<std::string> strings;
    if (const auto* items = reader.Array(key, true)) {
        for (std::size_t i = 0; i < items->size(); ++i) {
            if (!(*items)[i].is_string()) {
                reader.Fail(std::string(key) + "[" + std::to_string(i) + "]", "must be a string");
                break;
            }
            strings.emplace_back((*items)[i].get_string());
        }
    }
    return strings;
}

// Reads the array of objects at `key` with `read(object, path)`; the first error, with its
// precise path, is returned.
template <typename T, typename ReadFn>
Outcome<std::vector<T>> ReadObjectList(JsonReader& reader, std::string_view key, bool required,
                                       ReadFn read) {
    std::vector<T> items;
    const auto* elements = reader.Array(key, required);
    for (std::size_t i = 0; elements != nullptr && i < elements->size(); ++i) {
        if (!(*elements)[i].is_object()) {
            reader.Fail(std::string(key) + "[" + std::to_string(i) + "]", "must be an object");
            break;
        }
        MOTCUA_ASSIGN_OR_RETURN(T item, read((*elements)[i].get_object(), reader.Path(key, i)));
        items.push_back(std::move(item));
    }
    if (const auto& failure = reader.GetError()) {
        return *failure;
    }
    return items;
}

Outcome<domain::AgencyPredecessor> PredecessorFromJson(const object& json,
                                                       const std::string& path) {
    JsonReader reader(json, path);
    domain::AgencyPredecessor predecessor{reader.String("admin_unit_code", false),
                                          reader.String("name_vi", true),
                                          reader.String("type", false)};
    if (const auto& failure = reader.GetError()) {
        return *failure;
    }
    return predecessor;
}

Outcome<domain::AgencyHistoryEntry> HistoryFromJson(const object& json, const std::string& path) {
    JsonReader reader(json, path);
    domain::AgencyHistoryEntry entry;
    entry.date = reader.String("date", true);
    entry.event = reader.String("event", true);
    entry.note_vi = reader.String("note_vi", false);
    MOTCUA_ASSIGN_OR_RETURN(auto from, ReadObjectList<domain::AgencyPredecessor>(
                                           reader, "from", false, PredecessorFromJson));
    entry.from = std::move(from);
    return entry;
}

Outcome<domain::FeeExemption> ExemptionFromJson(const object& json, const std::string& path) {
    JsonReader reader(json, path);
    domain::FeeExemption exemption{reader.String("code", true), reader.String("name_vi", true),
                                   reader.String("name_en", false)};
    if (!exemption.code.empty() && !domain::IsExemptionCode(exemption.code)) {
        reader.Fail("code", "must be 1 to 64 of a-z, 0-9 and _");
    }
    if (const auto& failure = reader.GetError()) {
        return *failure;
    }
    return exemption;
}

Outcome<domain::Fee> FeeFromJson(const object& json, const std::string& path) {
    JsonReader reader(json, path);
    domain::Fee fee;
    if (auto kind = ReadEnum(reader, "kind", domain::ParseFeeKind, "fee, charge")) {
        fee.kind = *kind;
    }
    fee.code = reader.String("code", false);
    fee.name_vi = reader.String("name_vi", true);
    fee.name_en = reader.String("name_en", false);
    fee.amount_vnd = reader.Integer("amount_vnd", true).value_or(0);
    if (const std::string basis = reader.String("basis", false); !basis.empty()) {
        if (auto parsed = domain::ParseFeeBasis(basis)) {
            fee.basis = *parsed;
        } else {
            reader.Fail("basis", "must be one of per_dossier, per_copy");
        }
    }
    fee.note_vi = reader.String("note_vi", false);
    if (fee.amount_vnd < 0) {
        reader.Fail("amount_vnd", "must be at least 0");
    }
    MOTCUA_ASSIGN_OR_RETURN(auto exemptions, ReadObjectList<domain::FeeExemption>(
                                                 reader, "exemptions", false, ExemptionFromJson));
    fee.exemptions = std::move(exemptions);
    if (const auto& failure = reader.GetError()) {
        return *failure;
    }
    return fee;
}

Outcome<domain::Component> ComponentFromJson(const object& json, const std::string& path) {
    JsonReader reader(json, path);
    reader.AllowNull({"result_of_procedure"});
    domain::Component component;
    component.code = reader.String("code", true);
    component.name_vi = reader.String("name_vi", true);
    component.name_en = reader.String("name_en", false);
    component.originals = ReadInt(reader, "originals", true, 0);
    component.copies = ReadInt(reader, "copies", true, 0);
    component.required = reader.Boolean("required", true).value_or(true);
    component.result_of_procedure = reader.String("result_of_procedure", false);
    component.note_vi = reader.String("note_vi", false);
    if (const auto& failure = reader.GetError()) {
        return *failure;
    }
    return component;
}

Outcome<domain::Step> StepFromJson(const object& json, const std::string& path) {
    JsonReader reader(json, path);
    reader.AllowNull({"agency"});
    domain::Step step;
    step.name_vi = reader.String("name_vi", true);
    step.name_en = reader.String("name_en", false);
    if (auto role =
            ReadEnum(reader, "role", domain::ParseStepRole, "clerk, specialist, head, cashier")) {
        step.role = *role;
    }
    step.agency_code = reader.String("agency", false);
    step.share_percent = ReadInt(reader, "share_percent", true, 0);
    if (const auto& failure = reader.GetError()) {
        return *failure;
    }
    return step;
}

Outcome<domain::Field> FieldFromJson(const object& json, const std::string& path) {
    JsonReader reader(json, path);
    domain::Field field{reader.String("code", true), reader.String("name_vi", true),
                        reader.String("name_en", false)};
    if (const auto& failure = reader.GetError()) {
        return *failure;
    }
    return field;
}

void PutIfNotEmpty(object& json, std::string_view key, const std::string& text) {
    if (!text.empty()) {
        json[key] = text;
    }
}

value StringOrNull(const std::string& text) { return text.empty() ? value(nullptr) : value(text); }

// Adds the unknown import fields back under "extra" so that nothing is silently dropped.
void PutExtra(object& json, const std::string& extra_json) {
    if (!extra_json.empty()) {
        json["extra"] = boost::json::parse(extra_json);
    }
}

std::string ReadExtra(JsonReader& reader) {
    const auto* extra = reader.Object("extra", false);
    std::string unknown = reader.UnknownFieldsJson();
    if (extra == nullptr) {
        return unknown;
    }
    object merged = *extra;
    if (!unknown.empty()) {
        // Named: a range-for over parse(...).get_object() would iterate a destroyed temporary.
        const value parsed = boost::json::parse(unknown);
        for (const auto& entry : parsed.get_object()) {
            merged[entry.key()] = entry.value();
        }
    }
    return boost::json::serialize(merged);
}

template <typename T, typename ReadFn>
Outcome<std::vector<T>> ReadTopLevelList(const value& document, std::string_view key, ReadFn read) {
    if (!document.is_object()) {
        return MakeError(ErrorKind::kInvalid, "invalid_import", "$", "the document is an object");
    }
    JsonReader reader(document.get_object(), "");
    return ReadObjectList<T>(reader, key, true, read);
}

}  // namespace

std::string FormatClockTime(int minutes) {
    std::string text = "00:00";
    text[0] = static_cast<char>('0' + minutes / 600);
    text[1] = static_cast<char>('0' + minutes / 60 % 10);
    text[3] = static_cast<char>('0' + minutes % 60 / 10);
    text[4] = static_cast<char>('0' + minutes % 10);
    return text;
}

std::optional<int> ParseClockTime(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') {
        return std::nullopt;
    }
    for (const std::size_t i : {0, 1, 3, 4}) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || minutes > 59) {
        return std::nullopt;
    }
    return hours * 60 + minutes;
}

Outcome<domain::Agency> AgencyFromJson(const object& json, const std::string& path) {
    JsonReader reader(json, path);
    reader.AllowNull({"legacy_code", "parent", "admin_unit_code", "valid_to"});
    domain::Agency agency;
    agency.code = reader.String("code", true);
    agency.legacy_code = reader.String("legacy_code", false);
    agency.name_vi = reader.String("name_vi", true);
    agency.name_en = reader.String("name_en", false);
    if (auto kind = ReadEnum(reader, "kind", domain::ParseAgencyKind,
                             "province, department, provincial_service_centre, commune, "
                             "commune_service_centre")) {
        agency.kind = *kind;
    }
    agency.parent_code = reader.String("parent", false);
    agency.admin_unit_code = reader.String("admin_unit_code", false);
    agency.valid_from = reader.String("valid_from", true);
    agency.valid_to = reader.String("valid_to", false);
    agency.address = reader.String("address", false);
    agency.phone = reader.String("phone", false);
    agency.email = reader.String("email", false);
    MOTCUA_ASSIGN_OR_RETURN(auto history, ReadObjectList<domain::AgencyHistoryEntry>(
                                              reader, "history", false, HistoryFromJson));
    agency.history = std::move(history);
    agency.extra_json = ReadExtra(reader);
    if (const auto& failure = reader.GetError()) {
        return *failure;
    }
    return agency;
}

Outcome<domain::Procedure> ProcedureFromJson(const object& json, const std::string& path) {
    JsonReader reader(json, path);
    reader.AllowNull({"competent_agency", "receiving_agency"});
    domain::Procedure procedure;
    procedure.code = reader.String("code", true);
    procedure.national_code = reader.String("national_code", true);
    procedure.name_vi = reader.String("name_vi", true);
    procedure.name_en = reader.String("name_en", false);
    procedure.field_code = reader.String("field", true);
    if (auto level = ReadEnum(reader, "level", domain::ParseProcedureLevel, "province, commune")) {
        procedure.level = *level;
    }
    procedure.competent_agency = reader.String("competent_agency", false);
    procedure.receiving_agency = reader.String("receiving_agency", false);
    if (auto online =
            ReadEnum(reader, "online_level", domain::ParseOnlineLevel, "full, partial, none")) {
        procedure.online_level = *online;
    }
    if (const auto* time = reader.Object("processing_time", true)) {
        JsonReader time_reader(*time, reader.Path("processing_time"));
        time_reader.AllowNull({"cutoff"});
        procedure.processing_time.amount = ReadInt(time_reader, "amount", true, 0);
        if (auto unit = ReadEnum(time_reader, "unit", domain::ParseTimeUnit,
                                 "working_days, working_hours, calendar_days")) {
            procedure.processing_time.unit = *unit;
        }
        const std::string cutoff = time_reader.String("cutoff", false);
        const auto* given = time->if_contains("cutoff");
        if (given != nullptr && given->is_string()) {  // "" is no time either; null is none.
            procedure.processing_time.cutoff_minutes = ParseClockTime(cutoff);
            if (!procedure.processing_time.cutoff_minutes) {
                time_reader.Fail("cutoff", "must be a time HH:MM");
            }
        }
        if (const auto& failure = time_reader.GetError()) {
            return *failure;
        }
    }
    MOTCUA_ASSIGN_OR_RETURN(auto fees,
                            ReadObjectList<domain::Fee>(reader, "fees", true, FeeFromJson));
    procedure.fees = std::move(fees);
    MOTCUA_ASSIGN_OR_RETURN(auto components, ReadObjectList<domain::Component>(
                                                 reader, "components", true, ComponentFromJson));
    procedure.components = std::move(components);
    MOTCUA_ASSIGN_OR_RETURN(auto steps,
                            ReadObjectList<domain::Step>(reader, "steps", true, StepFromJson));
    procedure.steps = std::move(steps);
    if (const auto* result = reader.Object("result", true)) {
        JsonReader result_reader(*result, reader.Path("result"));
        if (auto kind =
                ReadEnum(result_reader, "kind", domain::ParseResultKind, "document, none")) {
            procedure.result.kind = *kind;
        }
        procedure.result.name_vi = result_reader.String("name_vi", false);
        procedure.result.name_en = result_reader.String("name_en", false);
        const auto months = result_reader.Integer("valid_months", false).value_or(0);
        if (months < 0 || months > 1200) {
            result_reader.Fail("valid_months", "months from 0 (no end) to 1200");
        }
        procedure.result.valid_months = static_cast<int>(months);
        if (const auto& failure = result_reader.GetError()) {
            return *failure;
        }
    }
    procedure.applicant_kinds = ReadStrings(reader, "applicant_kinds");
    procedure.legal_basis = ReadStrings(reader, "legal_basis");
    procedure.version = ReadInt(reader, "version", true, 1);
    procedure.effective_from = reader.String("effective_from", true);
    procedure.description_vi = reader.String("description_vi", false);
    procedure.extra_json = ReadExtra(reader);
    if (const auto& failure = reader.GetError()) {
        return *failure;
    }
    return procedure;
}

Outcome<std::vector<domain::Agency>> ParseAgencyFile(std::string_view text) {
    MOTCUA_ASSIGN_OR_RETURN(auto document, ParseJsonDocument(text));
    return ReadTopLevelList<domain::Agency>(document, "agencies", AgencyFromJson);
}

Outcome<ProcedureFile> ParseProcedureFile(std::string_view text) {
    MOTCUA_ASSIGN_OR_RETURN(auto document, ParseJsonDocument(text));
    MOTCUA_ASSIGN_OR_RETURN(auto fields,
                            ReadTopLevelList<domain::Field>(document, "fields", FieldFromJson));
    MOTCUA_ASSIGN_OR_RETURN(auto procedures, ReadTopLevelList<domain::Procedure>(
                                                 document, "procedures", ProcedureFromJson));
    return ProcedureFile{std::move(fields), std::move(procedures)};
}

object AgencyToJson(const domain::Agency& agency) {
    object json;
    json["code"] = agency.code;
    json["legacy_code"] = StringOrNull(agency.legacy_code);
    json["name_vi"] = agency.name_vi;
    json["name_en"] = agency.name_en;
    json["kind"] = domain::AgencyKindName(agency.kind);
    json["parent"] = StringOrNull(agency.parent_code);
    json["admin_unit_code"] = StringOrNull(agency.admin_unit_code);
    json["valid_from"] = agency.valid_from;
    json["valid_to"] = StringOrNull(agency.valid_to);
    PutIfNotEmpty(json, "address", agency.address);
    PutIfNotEmpty(json, "phone", agency.phone);
    PutIfNotEmpty(json, "email", agency.email);
    array history;
    for (const auto& entry : agency.history) {
        array from;
        for (const auto& predecessor : entry.from) {
            object item{{"name_vi", predecessor.name_vi}};
            PutIfNotEmpty(item, "admin_unit_code", predecessor.admin_unit_code);
            PutIfNotEmpty(item, "type", predecessor.type);
            from.push_back(std::move(item));
        }
        object item{{"date", entry.date}, {"event", entry.event}, {"from", std::move(from)}};
        PutIfNotEmpty(item, "note_vi", entry.note_vi);
        history.push_back(std::move(item));
    }
    json["history"] = std::move(history);
    PutExtra(json, agency.extra_json);
    return json;
}

object FieldToJson(const domain::Field& field) {
    return {{"code", field.code}, {"name_vi", field.name_vi}, {"name_en", field.name_en}};
}

object ProcessingTimeToJson(const domain::ProcessingTime& time) {
    return {{"amount", time.amount},
            {"unit", domain::TimeUnitName(time.unit)},
            {"cutoff",
             time.cutoff_minutes ? value(FormatClockTime(*time.cutoff_minutes)) : value(nullptr)}};
}

object ProcedureToJson(const domain::Procedure& procedure) {
    object json;
    json["code"] = procedure.code;
    json["national_code"] = procedure.national_code;
    json["name_vi"] = procedure.name_vi;
    json["name_en"] = procedure.name_en;
    json["field"] = procedure.field_code;
    json["level"] = domain::ProcedureLevelName(procedure.level);
    json["competent_agency"] = StringOrNull(procedure.competent_agency);
    json["receiving_agency"] = StringOrNull(procedure.receiving_agency);
    json["online_level"] = domain::OnlineLevelName(procedure.online_level);
    json["processing_time"] = ProcessingTimeToJson(procedure.processing_time);
    array fees;
    for (const auto& fee : procedure.fees) {
        object item{{"kind", domain::FeeKindName(fee.kind)},
                    {"name_vi", fee.name_vi},
                    {"name_en", fee.name_en},
                    {"amount_vnd", fee.amount_vnd}};
        if (fee.basis != domain::FeeBasis::kPerDossier) {  // Absent means per dossier.
            item["basis"] = domain::FeeBasisName(fee.basis);
        }
        PutIfNotEmpty(item, "code", fee.code);
        PutIfNotEmpty(item, "note_vi", fee.note_vi);
        if (!fee.exemptions.empty()) {
            array exemptions;
            for (const auto& exemption : fee.exemptions) {
                exemptions.push_back(object{{"code", exemption.code},
                                            {"name_vi", exemption.name_vi},
                                            {"name_en", exemption.name_en}});
            }
            item["exemptions"] = std::move(exemptions);
        }
        fees.push_back(std::move(item));
    }
    json["fees"] = std::move(fees);
    array components;
    for (const auto& component : procedure.components) {
        object item{{"code", component.code},
                    {"name_vi", component.name_vi},
                    {"name_en", component.name_en},
                    {"originals", component.originals},
                    {"copies", component.copies},
                    {"required", component.required},
                    {"result_of_procedure", StringOrNull(component.result_of_procedure)}};
        PutIfNotEmpty(item, "note_vi", component.note_vi);
        components.push_back(std::move(item));
    }
    json["components"] = std::move(components);
    array steps;
    for (const auto& step : procedure.steps) {
        steps.push_back(object{{"name_vi", step.name_vi},
                               {"name_en", step.name_en},
                               {"role", domain::StepRoleName(step.role)},
                               {"agency", StringOrNull(step.agency_code)},
                               {"share_percent", step.share_percent}});
    }
    json["steps"] = std::move(steps);
    json["result"] = {{"kind", domain::ResultKindName(procedure.result.kind)},
                      {"name_vi", procedure.result.name_vi},
                      {"name_en", procedure.result.name_en}};
    if (procedure.result.valid_months > 0) {
        json["result"].as_object()["valid_months"] = procedure.result.valid_months;
    }
    json["applicant_kinds"] = boost::json::value_from(procedure.applicant_kinds);
    json["legal_basis"] = boost::json::value_from(procedure.legal_basis);
    json["version"] = procedure.version;
    json["effective_from"] = procedure.effective_from;
    PutIfNotEmpty(json, "description_vi", procedure.description_vi);
    PutExtra(json, procedure.extra_json);
    return json;
}

}  // namespace motcua::interchange
