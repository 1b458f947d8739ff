#include "storage/sqlite/sqlite_catalog_repository.hpp"

#include <boost/json.hpp>

#include "interchange/catalog_json.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace motcua::storage::sqlite {
namespace {

constexpr std::string_view kSelectAgencyDoc = "SELECT doc FROM agencies WHERE code = ?1";
constexpr std::string_view kUpsertAgency =
    "INSERT INTO agencies (code, legacy_code, parent_code, kind, name_vi, valid_from, valid_to, "
    "doc, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, strftime('%Y-%m-%dT%H:%M:%fZ')) "
    "ON CONFLICT (code) DO UPDATE SET legacy_code = excluded.legacy_code, "
    "parent_code = excluded.parent_code, kind = excluded.kind, name_vi = excluded.name_vi, "
    "valid_from = excluded.valid_from, valid_to = excluded.valid_to, doc = excluded.doc, "
    "updated_at = excluded.updated_at";
constexpr std::string_view kUpsertField =
    "INSERT INTO fields (code, name_vi, name_en) VALUES (?1, ?2, ?3) ON CONFLICT (code) DO "
    "UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en";
constexpr std::string_view kSelectProcedureDoc = "SELECT doc FROM procedures WHERE code = ?1";
constexpr std::string_view kUpsertProcedure =
    "INSERT INTO procedures (code, national_code, field_code, version, effective_from, doc, "
    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%fZ')) "
    "ON CONFLICT (code) DO UPDATE SET national_code = excluded.national_code, "
    "field_code = excluded.field_code, version = excluded.version, "
    "effective_from = excluded.effective_from, doc = excluded.doc, "
    "updated_at = excluded.updated_at";
constexpr std::string_view kInsertProcedureVersion =
    "INSERT INTO procedure_versions (code, version, effective_from, doc, recorded_at) VALUES "
    "(?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ'))";
constexpr std::string_view kBumpRevision =
    "UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1";
constexpr std::string_view kSelectRevision = "SELECT revision FROM catalog_revision WHERE id = 1";

void BindOptional(SqliteStatement& statement, int index, const std::string& text) {
    if (text.empty()) {
        statement.BindNull(index);
    } else {
        statement.Bind(index, text);
    }
}

// Returns the stored document for `code`, or "" when there is none.
std::string StoredDoc(SqliteConnection& connection, std::string_view sql, const std::string& code) {
    auto select = connection.Prepare(sql);
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
Outcome<std::vector<T>> LoadDocs(SqliteDatabase& database, std::string_view sql, ParseFn parse) {
    return database.RunRead<std::vector<T>>(
        [&](SqliteConnection& connection) -> Outcome<std::vector<T>> {
            std::vector<T> records;
            auto select = connection.Prepare(sql);
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
        });
}

}  // namespace

Outcome<ImportSummary> SqliteCatalogStore::UpsertAgencies(
    const std::vector<domain::Agency>& agencies) {
    ImportSummary summary;
    for (const auto& agency : agencies) {
        const std::string doc = boost::json::serialize(interchange::AgencyToJson(agency));
        const std::string stored = StoredDoc(connection_, kSelectAgencyDoc, agency.code);
        Count(summary, stored, doc);
        if (stored == doc) {
            continue;
        }
        auto upsert = connection_.Prepare(kUpsertAgency);
        upsert.Bind(1, agency.code);
        BindOptional(upsert, 2, agency.legacy_code);
        BindOptional(upsert, 3, agency.parent_code);
        upsert.Bind(4, domain::AgencyKindName(agency.kind)).Bind(5, agency.name_vi);
        upsert.Bind(6, agency.valid_from);
        BindOptional(upsert, 7, agency.valid_to);
        upsert.Bind(8, doc).Run();
    }
    if (summary.inserted + summary.updated > 0) {
        connection_.Exec(kBumpRevision);
    }
    return summary;
}

Outcome<ImportSummary> SqliteCatalogStore::UpsertProcedures(
    const std::vector<domain::Field>& fields, const std::vector<domain::Procedure>& procedures) {
    ImportSummary summary;
    for (const auto& field : fields) {
        auto upsert = connection_.Prepare(kUpsertField);
        upsert.Bind(1, field.code).Bind(2, field.name_vi).Bind(3, field.name_en).Run();
    }
    for (const auto& procedure : procedures) {
        const std::string doc = boost::json::serialize(interchange::ProcedureToJson(procedure));
        const std::string stored = StoredDoc(connection_, kSelectProcedureDoc, procedure.code);
        Count(summary, stored, doc);
        if (stored == doc) {
            continue;
        }
        auto upsert = connection_.Prepare(kUpsertProcedure);
        upsert.Bind(1, procedure.code).Bind(2, procedure.national_code);
        upsert.Bind(3, procedure.field_code).Bind(4, std::int64_t{procedure.version});
        upsert.Bind(5, procedure.effective_from).Bind(6, doc).Run();
        auto version = connection_.Prepare(kInsertProcedureVersion);
        version.Bind(1, procedure.code).Bind(2, std::int64_t{procedure.version});
        version.Bind(3, procedure.effective_from).Bind(4, doc).Run();
    }
    connection_.Exec(kBumpRevision);
    return summary;
}

Outcome<std::vector<domain::Agency>> SqliteCatalogRepository::LoadAgencies() const {
    return LoadDocs<domain::Agency>(database_, "SELECT doc FROM agencies ORDER BY code",
                                    interchange::AgencyFromJson);
}

Outcome<std::vector<domain::Procedure>> SqliteCatalogRepository::LoadProcedures() const {
    return LoadDocs<domain::Procedure>(database_, "SELECT doc FROM procedures ORDER BY code",
                                       interchange::ProcedureFromJson);
}

Outcome<std::vector<domain::Field>> SqliteCatalogRepository::LoadFields() const {
    return database_.RunRead<
        std::vector<domain::Field>>([](SqliteConnection& connection)
                                        -> Outcome<std::vector<domain::Field>> {
        std::vector<domain::Field> fields;
        auto select = connection.Prepare(
            "SELECT code, name_vi, name_en FROM fields "
            "ORDER BY code");
        while (select.Step()) {
            fields.push_back({select.ColumnText(0), select.ColumnText(1), select.ColumnText(2)});
        }
        return fields;
    });
}

Outcome<std::int64_t> SqliteCatalogRepository::GetCatalogRevision() const {
    return database_.RunRead<std::int64_t>(
        [](SqliteConnection& connection) -> Outcome<std::int64_t> {
            auto select = connection.Prepare(kSelectRevision);
            return select.Step() ? select.ColumnInt(0) : std::int64_t{0};
        });
}

}  // namespace motcua::storage::sqlite
