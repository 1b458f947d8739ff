#include "services/catalog/catalog_service.hpp"

#include <charconv>
#include <map>
#include <set>

#include "domain/catalog/catalog_rules.hpp"
#include "interchange/catalog_json.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"

namespace motcua::services {
namespace {

// Counts UTF-8 code points: a Vietnamese letter is one character however many bytes it takes.
std::size_t CountCharacters(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return count;
}

Error InvalidParameter(std::string param) {
    return MakeError(ErrorKind::kInvalid, "invalid_parameter", std::move(param));
}

Outcome<Done> CheckPaging(int limit, const std::string& cursor, std::size_t& offset) {
    if (limit < 1 || limit > kMaxPageSize) {
        return InvalidParameter("limit");
    }
    offset = 0;
    if (!cursor.empty()) {
        const auto decoded = DecodeCursor(cursor);
        if (!decoded) {
            return MakeError(ErrorKind::kInvalid, "invalid_cursor", "cursor");
        }
        offset = *decoded;
    }
    return Done{};
}

// Cuts one page out of the full ordered result.
CatalogPage Paginate(std::shared_ptr<const CatalogSnapshot> snapshot,
                     std::vector<std::size_t> matches, std::size_t offset, int limit) {
    CatalogPage page;
    page.snapshot = std::move(snapshot);
    page.total = matches.size();
    const std::size_t begin = std::min(offset, matches.size());
    const std::size_t end = std::min(begin + static_cast<std::size_t>(limit), matches.size());
    page.items.assign(matches.begin() + static_cast<std::ptrdiff_t>(begin),
                      matches.begin() + static_cast<std::ptrdiff_t>(end));
    if (end < matches.size()) {
        page.next_cursor = EncodeCursor(end);
    }
    return page;
}

// Ranked matches of `text` (or the default order when empty), as positions.
std::vector<std::size_t> Candidates(const domain::search::TextIndex& index, const std::string& text,
                                    const std::vector<std::size_t>& default_order) {
    if (text.empty()) {
        return default_order;
    }
    std::vector<std::size_t> ranked;
    for (const auto& hit : index.Search(text, default_order.size())) {
        ranked.push_back(hit.doc);
    }
    return ranked;
}

bool MatchesAgency(const CatalogSnapshot& snapshot, const domain::Procedure& procedure,
                   const std::string& agency_code) {
    // Commune-level procedures are settled by every commune: they belong to each commune (and
    // its centre) and to the province that contains them all.
    const domain::Agency* agency = snapshot.FindAgency(agency_code);
    if (procedure.level == domain::ProcedureLevel::kCommune) {
        return agency != nullptr && (agency->kind == domain::AgencyKind::kCommune ||
                                     agency->kind == domain::AgencyKind::kCommuneServiceCentre ||
                                     agency->kind == domain::AgencyKind::kProvince);
    }
    if (agency != nullptr && (agency->kind == domain::AgencyKind::kCommune ||
                              agency->kind == domain::AgencyKind::kCommuneServiceCentre)) {
        return false;
    }
    for (const auto* code : {&procedure.competent_agency, &procedure.receiving_agency}) {
        if (!code->empty() && snapshot.IsWithin(*code, agency_code)) {
            return true;
        }
    }
    return false;
}

// Names the record of an error in a file ("agencies[2].parent"); a single record's error names
// its field alone.
Error AtRecord(Error error, std::string_view list, std::size_t index, bool one_record) {
    if (!one_record) {
        error.param = std::string(list) + "[" + std::to_string(index) + "]." + error.param;
    }
    return error;
}

// A file-wide check names "agencies[0].parent"; for a single record that is just "parent".
Error OneRecordParam(Error error, std::string_view list, bool one_record) {
    const std::string prefix = std::string(list) + "[0].";
    if (one_record && error.param.starts_with(prefix)) {
        error.param.erase(0, prefix.size());
    }
    return error;
}

// The parent chains of the imported agencies, followed through the file and then the stored
// tree, must not come back to the agency itself (moving an agency under its own descendant).
Outcome<Done> CheckNoCycleWithStored(const CatalogSnapshot& snapshot,
                                     const std::vector<domain::Agency>& agencies) {
    std::map<std::string, const domain::Agency*, std::less<>> in_file;
    for (const auto& agency : agencies) {
        in_file.emplace(agency.code, &agency);
    }
    const auto find = [&](const std::string& code) -> const domain::Agency* {
        const auto found = in_file.find(code);
        return found != in_file.end() ? found->second : snapshot.FindAgency(code);
    };
    const std::size_t limit = agencies.size() + snapshot.agencies.size() + 1;
    for (std::size_t i = 0; i < agencies.size(); ++i) {
        const domain::Agency* cursor = find(agencies[i].parent_code);
        for (std::size_t steps = 0; cursor != nullptr && steps <= limit; ++steps) {
            if (cursor->code == agencies[i].code) {
                return MakeError(ErrorKind::kInvalid, "invalid_import",
                                 "agencies[" + std::to_string(i) + "].parent",
                                 "agency parents form a cycle at " + agencies[i].code);
            }
            cursor = cursor->parent_code.empty() ? nullptr : find(cursor->parent_code);
        }
    }
    return Done{};
}

// A legacy code identifies one agency: not another one's in the file, nor in the stored tree
// (unless that agency is in the file with another legacy code), nor a current code.
Outcome<Done> CheckLegacyCodes(const CatalogSnapshot& snapshot,
                               const std::vector<domain::Agency>& agencies) {
    std::map<std::string, std::size_t, std::less<>> in_file;
    for (std::size_t i = 0; i < agencies.size(); ++i) {
        in_file.emplace(agencies[i].code, i);
    }
    std::map<std::string, std::size_t, std::less<>> legacy_in_file;
    for (std::size_t i = 0; i < agencies.size(); ++i) {
        const std::string& legacy = agencies[i].legacy_code;
        if (legacy.empty()) {
            continue;
        }
        std::string holder;
        if (const auto other = legacy_in_file.find(legacy); other != legacy_in_file.end()) {
            holder = agencies[other->second].code;
        } else if (in_file.contains(legacy) && legacy != agencies[i].code) {
            holder = legacy;
        } else if (const auto* stored = snapshot.FindAgency(legacy);
                   stored != nullptr && stored->code != agencies[i].code) {
            const auto replaced = in_file.find(stored->code);
            if (replaced == in_file.end() || agencies[replaced->second].legacy_code == legacy ||
                stored->code == legacy) {
                holder = stored->code;
            }
        }
        if (!holder.empty()) {
            std::string detail = "legacy code ";
            detail.append(legacy).append(" already identifies agency ").append(holder);
            return MakeError(ErrorKind::kInvalid, "invalid_import",
                             "agencies[" + std::to_string(i) + "].legacy_code", std::move(detail));
        }
        legacy_in_file.emplace(legacy, i);
    }
    return Done{};
}

// The record sent to a resource's address names that resource, or no code at all (it is then
// taken from the address).
Outcome<Done> CheckRecordCode(boost::json::object& record, const std::string& code) {
    const auto* given = record.if_contains("code");
    if (given == nullptr) {  // absent: the address names it; null is not a code
        record["code"] = code;
        return Done{};
    }
    if (!given->is_string() || given->get_string() != code) {
        return MakeError(ErrorKind::kInvalid, "code_mismatch", "code",
                         "the record's code must be the code in the address, " + code);
    }
    return Done{};
}

}  // namespace

std::string EncodeCursor(std::size_t offset) { return "o" + std::to_string(offset); }

std::optional<std::size_t> DecodeCursor(std::string_view cursor) {
    if (cursor.size() < 2 || cursor.size() > 12 || cursor.front() != 'o') {
        return std::nullopt;
    }
    std::size_t offset = 0;
    const auto* end = cursor.data() + cursor.size();
    const auto [stop, error] = std::from_chars(cursor.data() + 1, end, offset);
    if (error != std::errc{} || stop != end) {
        return std::nullopt;
    }
    return offset;
}

CatalogService::CatalogService(storage::Database& database, const Clock& clock,
                               std::chrono::milliseconds refresh_interval)
    : database_(database),
      repository_(database.Catalog()),
      clock_(clock),
      refresh_interval_(refresh_interval) {}

Outcome<Done> CatalogService::Load() { return Reload(); }

Outcome<Done> CatalogService::Reload() {
    auto revision = repository_.GetCatalogRevision();
    auto agencies = repository_.LoadAgencies();
    auto fields = repository_.LoadFields();
    auto procedures = repository_.LoadProcedures();
    if (auto error = FirstError(revision, agencies, fields, procedures)) {
        return *error;
    }
    auto snapshot = BuildCatalogSnapshot(revision.Value(), std::move(agencies).Value(),
                                         std::move(fields).Value(), std::move(procedures).Value());
    const std::lock_guard lock(mutex_);
    snapshot_ = std::move(snapshot);
    last_check_ = clock_.Now();
    return Done{};
}

void CatalogService::RefreshIfStale() {
    std::int64_t known_revision = 0;
    {
        const std::lock_guard lock(mutex_);
        const auto now = clock_.Now();
        if (snapshot_ != nullptr && now - last_check_ < refresh_interval_) {
            return;
        }
        last_check_ = now;
        known_revision = snapshot_ != nullptr ? snapshot_->revision : -1;
    }
    const auto revision = repository_.GetCatalogRevision();
    if (revision && revision.Value() != known_revision) {
        (void)Reload();  // On failure the previous snapshot keeps serving.
    }
}

std::shared_ptr<const CatalogSnapshot> CatalogService::GetSnapshot() {
    RefreshIfStale();
    const std::lock_guard lock(mutex_);
    return snapshot_;
}

Outcome<CatalogPage> CatalogService::SearchProcedures(const ProcedureQuery& query) {
    std::size_t offset = 0;
    MOTCUA_RETURN_IF_ERROR(CheckPaging(query.limit, query.cursor, offset));
    if (CountCharacters(query.text) > kMaxQueryLength) {
        return MakeError(ErrorKind::kInvalid, "query_too_long", "q");
    }
    auto snapshot = GetSnapshot();
    if (query.field && snapshot->FindField(*query.field) == nullptr) {
        return InvalidParameter("field");
    }
    if (query.agency && snapshot->FindAgency(*query.agency) == nullptr) {
        return InvalidParameter("agency");
    }
    std::vector<std::size_t> matches;
    for (const auto position :
         Candidates(snapshot->procedure_index, query.text, snapshot->procedure_order)) {
        const auto& procedure = snapshot->procedures[position];
        if ((query.field && procedure.field_code != *query.field) ||
            (query.level && procedure.level != *query.level) ||
            (query.online_level && procedure.online_level != *query.online_level) ||
            (query.agency && !MatchesAgency(*snapshot, procedure, *query.agency))) {
            continue;
        }
        matches.push_back(position);
    }
    return Paginate(std::move(snapshot), std::move(matches), offset, query.limit);
}

Outcome<CatalogPage> CatalogService::SearchAgencies(const AgencyQuery& query) {
    std::size_t offset = 0;
    MOTCUA_RETURN_IF_ERROR(CheckPaging(query.limit, query.cursor, offset));
    if (CountCharacters(query.text) > kMaxQueryLength) {
        return MakeError(ErrorKind::kInvalid, "query_too_long", "q");
    }
    auto snapshot = GetSnapshot();
    const domain::Agency* parent = nullptr;
    if (query.parent) {
        parent = snapshot->FindAgency(*query.parent);
        if (parent == nullptr) {
            return InvalidParameter("parent");
        }
    }
    std::vector<std::size_t> matches;
    for (const auto position :
         Candidates(snapshot->agency_index, query.text, snapshot->agency_order)) {
        const auto& agency = snapshot->agencies[position];
        if ((query.kind && agency.kind != *query.kind) ||
            (parent != nullptr && agency.parent_code != parent->code)) {
            continue;
        }
        matches.push_back(position);
    }
    return Paginate(std::move(snapshot), std::move(matches), offset, query.limit);
}

Outcome<std::pair<std::shared_ptr<const CatalogSnapshot>, std::size_t>>
CatalogService::GetProcedure(const std::string& code) {
    auto snapshot = GetSnapshot();
    const auto found = snapshot->procedure_by_code.find(code);
    if (found == snapshot->procedure_by_code.end()) {
        return MakeError(ErrorKind::kNotFound, "procedure_not_found", code);
    }
    const std::size_t position = found->second;
    return std::make_pair(std::move(snapshot), position);
}

Outcome<std::pair<std::shared_ptr<const CatalogSnapshot>, std::size_t>> CatalogService::GetAgency(
    const std::string& code) {
    auto snapshot = GetSnapshot();
    const auto found = snapshot->agency_by_code.find(code);
    if (found == snapshot->agency_by_code.end()) {
        return MakeError(ErrorKind::kNotFound, "agency_not_found", code);
    }
    const std::size_t position = found->second;
    return std::make_pair(std::move(snapshot), position);
}

Outcome<storage::ImportSummary> CatalogService::StoreImport(
    const domain::Actor& actor, const AuditSubject& audit,
    const std::function<Outcome<storage::ImportSummary>(storage::CatalogStore&)>& upsert) {
    storage::ImportSummary summary;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto stored, upsert(transaction.Catalog()));
        summary = stored;
        const std::string detail = "{\"inserted\":" + std::to_string(summary.inserted) +
                                   ",\"updated\":" + std::to_string(summary.updated) +
                                   ",\"unchanged\":" + std::to_string(summary.unchanged) + "}";
        return AppendAudit(transaction,
                           MakeAuditEntry(clock_, actor, audit.action, audit.target_kind,
                                          audit.target_id, AuditOutcome::kOk, detail));
    }));
    (void)Reload();
    return summary;
}

Outcome<storage::ImportSummary> CatalogService::StoreAgencies(
    const domain::Actor& actor, const CatalogSnapshot& snapshot,
    const std::vector<domain::Agency>& agencies, const AuditSubject& audit, bool one_record) {
    for (std::size_t i = 0; i < agencies.size(); ++i) {
        if (auto valid = domain::ValidateAgency(agencies[i]); !valid) {
            return AtRecord(valid.GetError(), "agencies", i, one_record);
        }
    }
    auto tree = domain::ValidateAgencyTree(agencies, [&](std::string_view code) {
        return snapshot.FindAgency(std::string(code)) != nullptr;
    });
    if (!tree) {
        return OneRecordParam(tree.GetError(), "agencies", one_record);
    }
    if (auto cycle = CheckNoCycleWithStored(snapshot, agencies); !cycle) {
        return OneRecordParam(cycle.GetError(), "agencies", one_record);
    }
    if (auto legacy = CheckLegacyCodes(snapshot, agencies); !legacy) {
        return OneRecordParam(legacy.GetError(), "agencies", one_record);
    }
    return StoreImport(
        actor, audit, [&](storage::CatalogStore& store) { return store.UpsertAgencies(agencies); });
}

Outcome<storage::ImportSummary> CatalogService::StoreProcedures(
    const domain::Actor& actor, const CatalogSnapshot& snapshot,
    const std::vector<domain::Field>& fields, const std::vector<domain::Procedure>& procedures,
    const AuditSubject& audit, bool one_record) {
    std::set<std::string, std::less<>> field_codes;
    for (const auto& field : fields) {
        field_codes.insert(field.code);
    }
    const auto is_field = [&](std::string_view code) {
        return field_codes.contains(code) || snapshot.FindField(std::string(code)) != nullptr;
    };
    const auto is_agency = [&](std::string_view code) {
        return snapshot.FindAgency(std::string(code)) != nullptr;
    };
    std::set<std::string, std::less<>> codes;
    for (std::size_t i = 0; i < procedures.size(); ++i) {
        const auto& procedure = procedures[i];
        Outcome<Done> valid = codes.insert(procedure.code).second
                                  ? domain::ValidateProcedure(procedure, is_field, is_agency)
                                  : Outcome<Done>(MakeError(ErrorKind::kInvalid, "invalid_import",
                                                            "code", "duplicate procedure code"));
        if (!valid) {
            return AtRecord(valid.GetError(), "procedures", i, one_record);
        }
    }
    return StoreImport(actor, audit, [&](storage::CatalogStore& store) {
        return store.UpsertProcedures(fields, procedures);
    });
}

Outcome<storage::ImportSummary> CatalogService::ImportAgencies(const domain::Actor& actor,
                                                               std::string_view file_text) {
    auto snapshot = GetSnapshot();
    const AuditSubject audit{"catalog.import_agencies", "catalog", "agencies"};
    MOTCUA_RETURN_IF_ERROR(
        CheckAccess(database_, clock_, actor, domain::Permission::kManageAgencies,
                    {snapshot->GetRootCode(), 0}, MakeIsWithin(snapshot), audit));
    MOTCUA_ASSIGN_OR_RETURN(auto agencies, interchange::ParseAgencyFile(file_text));
    return StoreAgencies(actor, *snapshot, agencies, audit, false);
}

Outcome<storage::ImportSummary> CatalogService::ImportProcedures(const domain::Actor& actor,
                                                                 std::string_view file_text) {
    auto snapshot = GetSnapshot();
    const AuditSubject audit{"catalog.import_procedures", "catalog", "procedures"};
    MOTCUA_RETURN_IF_ERROR(CheckAccess(database_, clock_, actor, domain::Permission::kImportCatalog,
                                       {snapshot->GetRootCode(), 0}, MakeIsWithin(snapshot),
                                       audit));
    MOTCUA_ASSIGN_OR_RETURN(auto file, interchange::ParseProcedureFile(file_text));
    return StoreProcedures(actor, *snapshot, file.fields, file.procedures, audit, false);
}

Outcome<bool> CatalogService::PutAgency(const domain::Actor& actor, const std::string& code,
                                        boost::json::object record) {
    auto snapshot = GetSnapshot();
    const AuditSubject audit{"catalog.put_agency", "agency", code};
    MOTCUA_RETURN_IF_ERROR(
        CheckAccess(database_, clock_, actor, domain::Permission::kManageAgencies,
                    {snapshot->GetRootCode(), 0}, MakeIsWithin(snapshot), audit));
    MOTCUA_RETURN_IF_ERROR(CheckRecordCode(record, code));
    MOTCUA_ASSIGN_OR_RETURN(auto agency, interchange::AgencyFromJson(record, ""));
    MOTCUA_ASSIGN_OR_RETURN(auto stored,
                            StoreAgencies(actor, *snapshot, {std::move(agency)}, audit, true));
    return stored.inserted > 0;
}

Outcome<bool> CatalogService::PutProcedure(const domain::Actor& actor, const std::string& code,
                                           boost::json::object record) {
    auto snapshot = GetSnapshot();
    const AuditSubject audit{"catalog.put_procedure", "procedure", code};
    MOTCUA_RETURN_IF_ERROR(CheckAccess(database_, clock_, actor, domain::Permission::kImportCatalog,
                                       {snapshot->GetRootCode(), 0}, MakeIsWithin(snapshot),
                                       audit));
    MOTCUA_RETURN_IF_ERROR(CheckRecordCode(record, code));
    MOTCUA_ASSIGN_OR_RETURN(auto procedure, interchange::ProcedureFromJson(record, ""));
    MOTCUA_ASSIGN_OR_RETURN(
        auto stored, StoreProcedures(actor, *snapshot, {}, {std::move(procedure)}, audit, true));
    return stored.inserted > 0;
}

}  // namespace motcua::services
