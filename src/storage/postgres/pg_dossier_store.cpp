#include "storage/postgres/pg_dossier_store.hpp"

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "common/time_format.hpp"
#include "interchange/dossier_json.hpp"
#include "storage/postgres/pg_statement.hpp"

namespace motcua::storage::postgres {
namespace {

// A code already taken inserts nothing and returns no row (the unique index decides, also
// between concurrent transactions).
const std::string kInsertDossier =
    "INSERT INTO dossiers (code, procedure_code, receiving_agency, current_agency, "
    "owner_account_id, applicant_id_number, status, due_at, overdue_at, received_at, updated_at, "
    "doc, competent_agency) VALUES ($1, $2, $3, $4, $5::bigint, $6, $7::int, $8, $9, $10, " +
    std::string(kNowUtc) + ", '{}', $11) ON CONFLICT (code) DO NOTHING RETURNING id";
const std::string kUpdateDossier =
    "UPDATE dossiers SET current_agency = $2, owner_account_id = $3::bigint, status = $4::int, "
    "due_at = $5, overdue_at = $6, received_at = $7, updated_at = " +
    std::string(kNowUtc) + ", doc = $8, \"current_role\" = $9 WHERE id = $1::bigint";
constexpr std::string_view kInsertEvent =
    "INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_login, "
    "agency_code, from_status, to_status, payload, due_at) "
    "VALUES ($1::bigint, $2::int, $3, $4, $5::bigint, $6, $7, $8::int, $9::int, $10, $11)";
// Waits for a concurrent increment of the same row, then increments what it committed; a
// rolled-back transaction takes its increment with it, so no number is skipped.
constexpr std::string_view kNextSequence =
    "INSERT INTO dossier_code_counters AS c (agency_code, day, last_seq) VALUES ($1, $2, 1) "
    "ON CONFLICT (agency_code, day) DO UPDATE SET last_seq = c.last_seq + 1 RETURNING last_seq";
constexpr std::string_view kEnsureSequence =
    "INSERT INTO dossier_code_counters AS c (agency_code, day, last_seq) "
    "VALUES ($1, $2, $3::int) ON CONFLICT (agency_code, day) "
    "DO UPDATE SET last_seq = greatest(c.last_seq, excluded.last_seq)";
constexpr std::string_view kDueKey = "coalesce(due_at, '9999')";
// First key of the two-key advisory locks on (actor, Idempotency-Key).
constexpr int kIdempotencyLockClass = 0x4d43;  // "MC"

PgStatement& BindTime(PgStatement& statement, const std::optional<Instant>& instant) {
    return instant ? statement.Bind(FormatUtc(*instant)) : statement.BindNull();
}

Outcome<domain::Dossier> ReadDoc(const pqxx::row& row) {
    return interchange::ParseStoredDossier(Text(row[1]), Int(row[0]));
}

// Reads (id, doc) rows.
Outcome<std::vector<domain::Dossier>> ReadDocs(const pqxx::result& rows) {
    std::vector<domain::Dossier> dossiers;
    for (const auto& row : rows) {
        auto dossier = ReadDoc(row);
        if (!dossier) {
            return dossier.GetError();
        }
        dossiers.push_back(std::move(dossier).Value());
    }
    return dossiers;
}

}  // namespace

Outcome<int> PgDossierStore::NextDailySequence(const std::string& agency_code,
                                               const std::string& day) {
    const auto rows =
        PgStatement(transaction_, std::string(kNextSequence)).Bind(agency_code).Bind(day).Run();
    return static_cast<int>(Int(rows.at(0)[0]));
}

Outcome<Done> PgDossierStore::EnsureSequenceAtLeast(const std::string& agency_code,
                                                    const std::string& day, int sequence) {
    PgStatement(transaction_, std::string(kEnsureSequence))
        .Bind(agency_code)
        .Bind(day)
        .Bind(std::int64_t{sequence})
        .Run();
    return Done{};
}

Outcome<std::optional<domain::Dossier>> PgDossierStore::FindByCode(const std::string& code) {
    return FindLocked(code, writable_ ? " FOR UPDATE" : "");
}

Outcome<std::optional<domain::Dossier>> PgDossierStore::FindUnlockedByCode(
    const std::string& code) {
    return FindLocked(code, writable_ ? " FOR UPDATE SKIP LOCKED" : "");
}

Outcome<std::optional<domain::Dossier>> PgDossierStore::FindLocked(const std::string& code,
                                                                   std::string_view locking) {
    const std::string sql = "SELECT id, doc FROM dossiers WHERE code = $1" + std::string(locking);
    const auto rows = PgStatement(transaction_, sql).Bind(code).Run();
    if (rows.empty()) {
        return std::optional<domain::Dossier>{};
    }
    auto dossier = ReadDoc(rows[0]);
    if (!dossier) {
        return dossier.GetError();
    }
    return std::optional<domain::Dossier>(std::move(dossier).Value());
}

Outcome<std::int64_t> PgDossierStore::Insert(const domain::Dossier& dossier) {
    PgStatement insert(transaction_, kInsertDossier);
    insert.Bind(dossier.code).Bind(dossier.procedure_code).Bind(dossier.receiving_agency);
    insert.Bind(dossier.current_agency).Bind(dossier.owner_account_id);
    insert.Bind(dossier.applicant.id_number).Bind(std::int64_t{domain::StatusCode(dossier.status)});
    BindTime(insert, dossier.due_at);
    BindTime(insert, dossier.overdue_at);
    BindTime(insert, dossier.received_at);
    insert.Bind(dossier.competent_agency);
    const auto inserted = insert.Run();
    if (inserted.empty()) {
        return MakeError(ErrorKind::kConflict, "dossier_exists", dossier.code);
    }
    domain::Dossier stored = dossier;
    stored.id = Int(inserted[0][0]);
    MOTCUA_RETURN_IF_ERROR(Update(stored));
    return stored.id;
}

Outcome<Done> PgDossierStore::Update(const domain::Dossier& dossier) {
    PgStatement update(transaction_, kUpdateDossier);
    update.Bind(dossier.id).Bind(dossier.current_agency).Bind(dossier.owner_account_id);
    update.Bind(std::int64_t{domain::StatusCode(dossier.status)});
    BindTime(update, dossier.due_at);
    BindTime(update, dossier.overdue_at);
    BindTime(update, dossier.received_at);
    update.Bind(boost::json::serialize(interchange::DossierToJson(dossier, FormatUtc)));
    const bool has_step =
        dossier.current_step >= 0 && dossier.current_step < static_cast<int>(dossier.steps.size());
    update.Bind(has_step ? domain::StepRoleName(
                               dossier.steps[static_cast<std::size_t>(dossier.current_step)].role)
                         : "");
    if (update.Run().affected_rows() == 0) {
        return MakeError(ErrorKind::kNotFound, "dossier_not_found", dossier.code);
    }
    return Done{};
}

Outcome<Done> PgDossierStore::AppendEvent(std::int64_t dossier_id,
                                          const domain::DossierEvent& event) {
    PgStatement insert(transaction_, std::string(kInsertEvent));
    insert.Bind(dossier_id).Bind(std::int64_t{event.seq}).Bind(FormatUtc(event.at));
    insert.Bind(domain::ActionName(event.action)).Bind(event.actor_id);
    insert.Bind(event.actor_login).Bind(event.agency_code);
    if (event.from) {
        insert.Bind(std::int64_t{domain::StatusCode(*event.from)});
    } else {
        insert.BindNull();
    }
    insert.Bind(std::int64_t{domain::StatusCode(event.to)}).Bind(event.payload_json);
    BindTime(insert, event.due_at);
    insert.Run();
    return Done{};
}

namespace {

constexpr std::string_view kSelectEvents =
    "SELECT seq, at, action, actor_id, actor_login, agency_code, from_status, to_status, payload, "
    "due_at FROM dossier_events WHERE dossier_id = $1::bigint";

std::vector<domain::DossierEvent> ReadEvents(const pqxx::result& rows) {
    std::vector<domain::DossierEvent> events;
    for (const auto& row : rows) {
        domain::DossierEvent event;
        event.seq = static_cast<int>(Int(row[0]));
        event.at = ParseRfc3339(Text(row[1])).value_or(Instant{});
        event.action = domain::ParseAction(Text(row[2])).value_or(domain::DossierAction::kSubmit);
        event.actor_id = Int(row[3]);
        event.actor_login = Text(row[4]);
        event.agency_code = Text(row[5]);
        if (!row[6].is_null()) {
            event.from = domain::StatusFromCode(static_cast<int>(Int(row[6])));
        }
        event.to = domain::StatusFromCode(static_cast<int>(Int(row[7])))
                       .value_or(domain::DossierStatus::kSubmitted);
        event.payload_json = Text(row[8]);
        if (!row[9].is_null()) {
            event.due_at = ParseRfc3339(Text(row[9]));
        }
        events.push_back(std::move(event));
    }
    return events;
}

}  // namespace

Outcome<std::vector<domain::DossierEvent>> PgDossierStore::ListEvents(std::int64_t dossier_id) {
    return ReadEvents(PgStatement(transaction_, std::string(kSelectEvents) + " ORDER BY seq")
                          .Bind(dossier_id)
                          .Run());
}

Outcome<std::vector<domain::DossierEvent>> PgDossierStore::ListEventsOf(
    std::int64_t dossier_id, std::span<const domain::DossierAction> actions) {
    std::vector<std::string> names;
    for (const auto action : actions) {
        names.emplace_back(domain::ActionName(action));
    }
    return ReadEvents(PgStatement(transaction_, std::string(kSelectEvents) +
                                                    " AND action = ANY ($2::text[]) ORDER BY seq")
                          .Bind(dossier_id)
                          .Bind(TextArray(names))
                          .Run());
}

Outcome<std::vector<domain::Dossier>> PgDossierStore::List(const DossierFilter& filter) {
    // Lists are array parameters; an empty one matches everything.
    const std::string conditions =
        "($1::bigint = 0 OR owner_account_id = $1::bigint OR "
        "($2::text <> '' AND applicant_id_number = $2::text)) "
        "AND ($3::text = '' OR procedure_code = $3::text) "
        "AND ($4::text = '' OR due_at < $4::text) "
        "AND ($5::int = 0 OR (due_at < $6::text AND status IN (2, 4, 6)) "
        "OR overdue_at IS NOT NULL) "
        "AND (cardinality($11::int[]) = 0 OR status = ANY ($11::int[]))";
    const std::string due_key(kDueKey);
    const std::string after = " AND (" + due_key + ", id) > ($7::text, $8::bigint)";
    std::string sql;
    if (filter.order == DossierOrder::kDueFirst && !filter.agencies.empty() &&
        !filter.roles.empty()) {
        // An officer's inbox: one branch per (agency, role) and per current or receiving
        // agency, each read in due order from its index (0011) and cut at the page size, so a
        // page costs about its rows times the branches, whatever the number waiting.
        auto branch = [&](const char* column) {
            return "(SELECT id, " + due_key + " AS k FROM dossiers WHERE " + column +
                   " = a.code AND \"current_role\" = r.role AND " + conditions + after +
                   " ORDER BY k, id LIMIT $9::bigint)";
        };
        sql =
            "WITH page AS (SELECT DISTINCT b.id, b.k FROM unnest($10::text[]) AS a(code) "
            "CROSS JOIN unnest($12::text[]) AS r(role) CROSS JOIN LATERAL (" +
            branch("current_agency") + " UNION ALL " + branch("receiving_agency") +
            ") AS b ORDER BY b.k, b.id LIMIT $9::bigint) "
            "SELECT d.id, d.doc FROM page JOIN dossiers AS d ON d.id = page.id "
            "ORDER BY page.k, page.id";
    } else {
        sql = "SELECT id, doc FROM dossiers WHERE " + conditions +
              " AND (cardinality($10::text[]) = 0 OR current_agency = ANY ($10::text[]) "
              "OR receiving_agency = ANY ($10::text[])) "
              "AND (cardinality($12::text[]) = 0 OR \"current_role\" = ANY ($12::text[]))";
        sql += filter.order == DossierOrder::kDueFirst
                   ? after + " ORDER BY " + due_key + ", id"
                   : " AND ($8::bigint = 0 OR id < $8::bigint) AND $7::text = $7::text "
                     "ORDER BY id DESC";
        sql += " LIMIT $9::bigint";
    }
    PgStatement select(transaction_, sql);
    select.Bind(filter.owner_account_id).Bind(filter.owner_id_number);
    select.Bind(filter.procedure_code).Bind(filter.due_before);
    select.Bind(std::int64_t{filter.overdue_only ? 1 : 0}).Bind(filter.now);
    select.Bind(filter.after_key).Bind(filter.after_id).Bind(std::int64_t{filter.limit});
    select.Bind(TextArray(filter.agencies)).Bind(IntArray(filter.statuses));
    select.Bind(TextArray(filter.roles));
    return ReadDocs(select.Run());
}

Outcome<std::vector<domain::Dossier>> PgDossierStore::ListCohort(const CohortFilter& filter) {
    PgStatement select(transaction_,
                       "SELECT id, doc FROM dossiers WHERE competent_agency = $1 "
                       "AND received_at >= $2 AND received_at < $3 "
                       "AND (received_at > $4 OR (received_at = $4 AND id > $5::bigint)) "
                       "ORDER BY received_at, id LIMIT $6::bigint");
    select.Bind(filter.agency_code).Bind(filter.received_from).Bind(filter.received_to);
    select.Bind(filter.after_received_at).Bind(filter.after_id);
    select.Bind(std::int64_t{filter.limit});
    return ReadDocs(select.Run());
}

Outcome<std::vector<OverdueCandidate>> PgDossierStore::FindNewlyOverdue(
    const std::string& now, const OverdueCandidate& after, int limit) {
    const auto rows =
        PgStatement(transaction_,
                    "SELECT due_at, code FROM dossiers WHERE status IN (2, 4, 6) AND due_at < $1 "
                    "AND overdue_at IS NULL AND (due_at > $2 OR (due_at = $2 AND code > $3)) "
                    "ORDER BY due_at, code LIMIT $4::bigint")
            .Bind(now)
            .Bind(after.due_at)
            .Bind(after.code)
            .Bind(std::int64_t{limit})
            .Run();
    std::vector<OverdueCandidate> found;
    for (const auto& row : rows) {
        found.push_back({Text(row[0]), Text(row[1])});
    }
    return found;
}

Outcome<std::optional<std::string>> PgDossierStore::FindIdempotencyKey(std::int64_t actor_id,
                                                                       const std::string& key) {
    if (writable_) {
        // Held until commit: a concurrent retry with the same key waits here, then finds the
        // dossier this transaction created instead of creating a second one.
        PgStatement(transaction_,
                    "SELECT pg_advisory_xact_lock($1::int, hashtext($2::text || '/' || $3::text))")
            .Bind(std::int64_t{kIdempotencyLockClass})
            .Bind(std::to_string(actor_id))
            .Bind(key)
            .Run();
    }
    const auto rows = PgStatement(transaction_,
                                  "SELECT dossier_code FROM idempotency_keys "
                                  "WHERE actor_id = $1::bigint AND idempotency_key = $2")
                          .Bind(actor_id)
                          .Bind(key)
                          .Run();
    if (rows.empty()) {
        return std::optional<std::string>{};
    }
    return std::optional<std::string>(Text(rows[0][0]));
}

Outcome<Done> PgDossierStore::RememberIdempotencyKey(std::int64_t actor_id, const std::string& key,
                                                     const std::string& code,
                                                     const std::string& at) {
    PgStatement(transaction_,
                "INSERT INTO idempotency_keys (actor_id, idempotency_key, dossier_code, "
                "created_at) VALUES ($1::bigint, $2, $3, $4)")
        .Bind(actor_id)
        .Bind(key)
        .Bind(code)
        .Bind(at)
        .Run();
    return Done{};
}

}  // namespace motcua::storage::postgres
