#include "storage/sql/sql_catalog_store.hpp"

#include <boost/json.hpp>

#include "interchange/catalog_json.hpp"

namespace motcua::storage::sql {
namespace {

constexpr std::string_view kUpsertAgency =
    "INSERT INTO agencies (code, legacy_code, parent_code, kind, name_vi, valid_from, valid_to, "
    "doc, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, {now}) "
    "ON CONFLICT (code) DO UPDATE SET legacy_code = excluded.legacy_code, "
    "parent_code = excluded.parent_code, kind = excluded.kind, name_vi = excluded.name_vi, "
    "valid_from = excluded.valid_from, valid_to = excluded.valid_to, doc = excluded.doc, "
    "updated_at = excluded.updated_at";
constexpr std::string_view kUpsertField =
    "INSERT INTO fields (code, name_vi, name_en) VALUES (?1, ?2, ?3) ON CONFLICT (code) DO "
    "UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en";
constexpr std::string_view kUpsertProcedure =
    "INSERT INTO procedures (code, national_code, field_code, version, effective_from, doc, "
    "updated_at) VALUES (?1, ?2, ?3, ?4::bigint, ?5, ?6, {now}) "
    "ON CONFLICT (code) DO UPDATE SET national_code = excluded.national_code, "
    "field_code = excluded.field_code, version = excluded.version, "
    "effective_from = excluded.effective_from, doc = excluded.doc, "
    "updated_at = excluded.updated_at";
constexpr std::string_view kInsertProcedureVersion =
    "INSERT INTO procedure_versions (code, version, effective_from, doc, recorded_at) VALUES "
    "(?1, ?2::bigint, ?3, ?4, {now})";
constexpr std::string_view kBumpRevision =
    "UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1";
// Catalogue writes read each stored document before they upsert it: one at a time across
// processes, so that the counts and version rows of concurrent imports stay right.
constexpr std::string_view kCatalogWriteLock = "motcua.catalog";

// Returns the stored document of `code` in `table`, or "" when there is none.
std::string StoredDoc(Session& session, std::string_view table, const std::string& code) {
    auto select = session.Prepare("SELECT doc FROM " + std::string(table) + " WHERE code = ?1");
    select.Bind(1, code);
    return select.Step() ? select.ColumnText(0) : std::string{};
}

void Count(ImportSummary& summary, const std::string& stored, const std::string& doc) {
    if (stored.empty()) {
        ++summary.inserted;
    } else if (stored == doc) {
        ++summary.unchanged;
    } else {
        ++summary.updated;
    }
}

// Reads every document of a table through `parse`; a stored document that no longer parses
// is a storage fault, reported as unavailable rather than silently skipped.
template <typename T, typename ParseFn>
Outcome<std::vector<T>> LoadDocs(Session& session, std::string_view sql, ParseFn parse) {
    std::vector<T> records;
    auto select = session.Prepare(sql);
    while (select.Step()) {
        const auto document = boost::json::parse(select.ColumnText(0));
        auto record = parse(document.as_object(), std::string("stored"));
        if (!record) {
            return MakeError(ErrorKind::kUnavailable, "unavailable", {},
                             "stored document does not parse: " + record.GetError().detail);
        }
        records.push_back(std::move(record).Value());
    }
    return records;
}

}  // namespace

Outcome<std::vector<domain::Agency>> SqlCatalogStore::LoadAgencies() {
    return LoadDocs<domain::Agency>(session_, "SELECT doc FROM agencies ORDER BY code",
                                    interchange::AgencyFromJson);
}

Outcome<std::vector<domain::Procedure>> SqlCatalogStore::LoadProcedures() {
    return LoadDocs<domain::Procedure>(session_, "SELECT doc FROM procedures ORDER BY code",
                                       interchange::ProcedureFromJson);
}

Outcome<std::vector<domain::Field>> SqlCatalogStore::LoadFields() {
    std::vector<domain::Field> fields;
    auto select = session_.Prepare("SELECT code, name_vi, name_en FROM fields ORDER BY code");
    while (select.Step()) {
        fields.push_back({select.ColumnText(0), select.ColumnText(1), select.ColumnText(2)});
    }
    return fields;
}

Outcome<std::int64_t> SqlCatalogStore::GetCatalogRevision() {
    auto select = session_.Prepare("SELECT revision FROM catalog_revision WHERE id = 1");
    return select.Step() ? select.ColumnInt(0) : std::int64_t{0};
}

Outcome<ImportSummary> SqlCatalogStore::UpsertAgencies(
    const std::vector<domain::Agency>& agencies) {
    session_.LockUntilEnd(kCatalogWriteLock);
    ImportSummary summary;
    for (const auto& agency : agencies) {
        const std::string doc = boost::json::serialize(interchange::AgencyToJson(agency));
        const std::string stored = StoredDoc(session_, "agencies", agency.code);
        Count(summary, stored, doc);
        if (stored == doc) {
            continue;
        }
        auto upsert = session_.Prepare(kUpsertAgency);
        upsert.Bind(1, agency.code).BindOrNull(2, agency.legacy_code);
        upsert.BindOrNull(3, agency.parent_code).Bind(4, domain::AgencyKindName(agency.kind));
        upsert.Bind(5, agency.name_vi).Bind(6, agency.valid_from);
        upsert.BindOrNull(7, agency.valid_to).Bind(8, doc).Run();
    }
    if (summary.inserted + summary.updated > 0) {
        session_.Prepare(kBumpRevision).Run();
    }
    return summary;
}

Outcome<ImportSummary> SqlCatalogStore::UpsertProcedures(
    const std::vector<domain::Field>& fields, const std::vector<domain::Procedure>& procedures) {
    session_.LockUntilEnd(kCatalogWriteLock);
    ImportSummary summary;
    for (const auto& field : fields) {
        auto upsert = session_.Prepare(kUpsertField);
        upsert.Bind(1, field.code).Bind(2, field.name_vi).Bind(3, field.name_en).Run();
    }
    for (const auto& procedure : procedures) {
        const std::string doc = boost::json::serialize(interchange::ProcedureToJson(procedure));
        const std::string stored = StoredDoc(session_, "procedures", procedure.code);
        Count(summary, stored, doc);
        if (stored == doc) {
            continue;
        }
        auto upsert = session_.Prepare(kUpsertProcedure);
        upsert.Bind(1, procedure.code).Bind(2, procedure.national_code);
        upsert.Bind(3, procedure.field_code).Bind(4, std::int64_t{procedure.version});
        upsert.Bind(5, procedure.effective_from).Bind(6, doc).Run();
        auto version = session_.Prepare(kInsertProcedureVersion);
        version.Bind(1, procedure.code).Bind(2, std::int64_t{procedure.version});
        version.Bind(3, procedure.effective_from).Bind(4, doc).Run();
    }
    session_.Prepare(kBumpRevision).Run();
    return summary;
}

}  // namespace motcua::storage::sql
