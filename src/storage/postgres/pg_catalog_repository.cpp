#include "storage/postgres/pg_catalog_repository.hpp"

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "interchange/catalog_json.hpp"
#include "storage/postgres/pg_database.hpp"
#include "storage/postgres/pg_statement.hpp"

namespace motcua::storage::postgres {
namespace {

const std::string kUpsertAgency =
    "INSERT INTO agencies (code, legacy_code, parent_code, kind, name_vi, valid_from, valid_to, "
    "doc, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, " +
    std::string(kNowUtc) +
    ") ON CONFLICT (code) DO UPDATE SET legacy_code = excluded.legacy_code, "
    "parent_code = excluded.parent_code, kind = excluded.kind, name_vi = excluded.name_vi, "
    "valid_from = excluded.valid_from, valid_to = excluded.valid_to, doc = excluded.doc, "
    "updated_at = excluded.updated_at";
constexpr std::string_view kUpsertField =
    "INSERT INTO fields (code, name_vi, name_en) VALUES ($1, $2, $3) ON CONFLICT (code) DO "
    "UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en";
const std::string kUpsertProcedure =
    "INSERT INTO procedures (code, national_code, field_code, version, effective_from, doc, "
    "updated_at) VALUES ($1, $2, $3, $4::bigint, $5, $6, " +
    std::string(kNowUtc) +
    ") ON CONFLICT (code) DO UPDATE SET national_code = excluded.national_code, "
    "field_code = excluded.field_code, version = excluded.version, "
    "effective_from = excluded.effective_from, doc = excluded.doc, "
    "updated_at = excluded.updated_at";
const std::string kInsertProcedureVersion =
    "INSERT INTO procedure_versions (code, version, effective_from, doc, recorded_at) VALUES "
    "($1, $2::bigint, $3, $4, " +
    std::string(kNowUtc) + ")";
// Catalogue writes read each stored document before they upsert it: one at a time across
// processes, so that the counts and version rows of concurrent imports stay right.
constexpr std::int64_t kCatalogWriteLock = 0x4d6f74436174;  // "MotCat"
constexpr std::string_view kBumpRevision =
    "UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1";

// Returns the stored document of `code` in `table`, or "" when there is none.
std::string StoredDoc(pqxx::transaction_base& transaction, std::string_view table,
                      const std::string& code) {
    const auto rows =
        PgStatement(transaction, "SELECT doc FROM " + std::string(table) + " WHERE code = $1")
            .Bind(code)
            .Run();
    return rows.empty() ? std::string{} : Text(rows[0][0]);
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
Outcome<std::vector<T>> LoadDocs(PgDatabase& database, std::string_view sql, ParseFn parse) {
    return database.RunRead<std::vector<T>>(
        [&](pqxx::transaction_base& transaction) -> Outcome<std::vector<T>> {
            std::vector<T> records;
            for (const auto& row : transaction.exec(std::string(sql))) {
                const auto document = boost::json::parse(Text(row[0]));
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

Outcome<ImportSummary> PgCatalogStore::UpsertAgencies(const std::vector<domain::Agency>& agencies) {
    PgStatement(transaction_, "SELECT pg_advisory_xact_lock($1::bigint)")
        .Bind(kCatalogWriteLock)
        .Run();
    ImportSummary summary;
    for (const auto& agency : agencies) {
        const std::string doc = boost::json::serialize(interchange::AgencyToJson(agency));
        const std::string stored = StoredDoc(transaction_, "agencies", agency.code);
        Count(summary, stored, doc);
        if (stored == doc) {
            continue;
        }
        PgStatement upsert(transaction_, kUpsertAgency);
        upsert.Bind(agency.code).BindOrNull(agency.legacy_code).BindOrNull(agency.parent_code);
        upsert.Bind(domain::AgencyKindName(agency.kind)).Bind(agency.name_vi);
        upsert.Bind(agency.valid_from).BindOrNull(agency.valid_to).Bind(doc).Run();
    }
    if (summary.inserted + summary.updated > 0) {
        transaction_.exec(std::string(kBumpRevision));
    }
    return summary;
}

Outcome<ImportSummary> PgCatalogStore::UpsertProcedures(
    const std::vector<domain::Field>& fields, const std::vector<domain::Procedure>& procedures) {
    PgStatement(transaction_, "SELECT pg_advisory_xact_lock($1::bigint)")
        .Bind(kCatalogWriteLock)
        .Run();
    ImportSummary summary;
    for (const auto& field : fields) {
        PgStatement(transaction_, std::string(kUpsertField))
            .Bind(field.code)
            .Bind(field.name_vi)
            .Bind(field.name_en)
            .Run();
    }
    for (const auto& procedure : procedures) {
        const std::string doc = boost::json::serialize(interchange::ProcedureToJson(procedure));
        const std::string stored = StoredDoc(transaction_, "procedures", procedure.code);
        Count(summary, stored, doc);
        if (stored == doc) {
            continue;
        }
        PgStatement upsert(transaction_, kUpsertProcedure);
        upsert.Bind(procedure.code).Bind(procedure.national_code).Bind(procedure.field_code);
        upsert.Bind(std::int64_t{procedure.version}).Bind(procedure.effective_from).Bind(doc);
        upsert.Run();
        PgStatement version(transaction_, kInsertProcedureVersion);
        version.Bind(procedure.code).Bind(std::int64_t{procedure.version});
        version.Bind(procedure.effective_from).Bind(doc).Run();
    }
    transaction_.exec(std::string(kBumpRevision));
    return summary;
}

Outcome<std::vector<domain::Agency>> PgCatalogRepository::LoadAgencies() const {
    return LoadDocs<domain::Agency>(database_, "SELECT doc FROM agencies ORDER BY code",
                                    interchange::AgencyFromJson);
}

Outcome<std::vector<domain::Procedure>> PgCatalogRepository::LoadProcedures() const {
    return LoadDocs<domain::Procedure>(database_, "SELECT doc FROM procedures ORDER BY code",
                                       interchange::ProcedureFromJson);
}

Outcome<std::vector<domain::Field>> PgCatalogRepository::LoadFields() const {
    return database_.RunRead<std::vector<domain::Field>>(
        [](pqxx::transaction_base& transaction) -> Outcome<std::vector<domain::Field>> {
            std::vector<domain::Field> fields;
            for (const auto& row :
                 transaction.exec("SELECT code, name_vi, name_en FROM fields ORDER BY code")) {
                fields.push_back({Text(row[0]), Text(row[1]), Text(row[2])});
            }
            return fields;
        });
}

Outcome<std::int64_t> PgCatalogRepository::GetCatalogRevision() const {
    return database_.RunRead<std::int64_t>(
        [](pqxx::transaction_base& transaction) -> Outcome<std::int64_t> {
            const auto rows =
                transaction.exec("SELECT revision FROM catalog_revision WHERE id = 1");
            return rows.empty() ? std::int64_t{0} : Int(rows[0][0]);
        });
}

}  // namespace motcua::storage::postgres
