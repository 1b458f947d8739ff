#include "storage/sql/sql_dossier_store.hpp"

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "interchange/dossier_json.hpp"

namespace motcua::storage::sql {
namespace {

// A code already taken inserts nothing and returns no row (the unique index decides, also
// between concurrent transactions). One statement writes the whole row, document included.
constexpr std::string_view kInsertDossier =
    "INSERT INTO dossiers (code, procedure_code, receiving_agency, current_agency, "
    "owner_account_id, applicant_id_number, status, due_at, overdue_at, received_at, updated_at, "
    "doc, competent_agency, \"current_role\") VALUES (?1, ?2, ?3, ?4, ?5::bigint, ?6, ?7::int, "
    "?8, ?9, ?10, {now}, ?11, ?12, ?13) ON CONFLICT (code) DO NOTHING RETURNING id";
constexpr std::string_view kUpdateDossier =
    "UPDATE dossiers SET current_agency = ?2, owner_account_id = ?3::bigint, status = ?4::int, "
    "due_at = ?5, overdue_at = ?6, received_at = ?7, updated_at = {now}, doc = ?8, "
    "\"current_role\" = ?9 WHERE id = ?1::bigint";
constexpr std::string_view kInsertEvent =
    "INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_login, "
    "agency_code, from_status, to_status, payload, due_at) "
    "VALUES (?1::bigint, ?2::int, ?3, ?4, ?5::bigint, ?6, ?7, ?8::int, ?9::int, ?10, ?11)";
// Waits for a concurrent increment of the same row (PostgreSQL), then increments what it
// committed; a rolled-back transaction takes its increment with it, so no number is skipped.
constexpr std::string_view kNextSequence =
    "INSERT INTO dossier_code_counters AS c (agency_code, day, last_seq) VALUES (?1, ?2, 1) "
    "ON CONFLICT (agency_code, day) DO UPDATE SET last_seq = c.last_seq + 1 RETURNING last_seq";
constexpr std::string_view kEnsureSequence =
    "INSERT INTO dossier_code_counters AS c (agency_code, day, last_seq) "
    "VALUES (?1, ?2, ?3::int) ON CONFLICT (agency_code, day) "
    "DO UPDATE SET last_seq = {greatest}(c.last_seq, excluded.last_seq)";
constexpr std::string_view kEventColumns =
    "SELECT seq, at, action, actor_id, actor_login, agency_code, from_status, to_status, "
    "payload, due_at FROM dossier_events";

void BindTime(Statement& statement, int index, const std::optional<Instant>& instant) {
    if (instant) {
        statement.Bind(index, FormatUtc(*instant));
    } else {
        statement.BindNull(index);
    }
}

// The stored document. It carries no id: the row's id column is the dossier's id (as
// ParseStoredDossier reads it), so a new row is written whole before its id is known.
std::string StoredDoc(const domain::Dossier& dossier) {
    auto json = interchange::DossierToJson(dossier, FormatUtc);
    json.erase("id");
    return boost::json::serialize(json);
}

// The role of the step the dossier is at, for the inbox's filter ("" between steps).
std::string_view CurrentRole(const domain::Dossier& dossier) {
    const bool has_step =
        dossier.current_step >= 0 && dossier.current_step < static_cast<int>(dossier.steps.size());
    return has_step ? domain::StepRoleName(
                          dossier.steps[static_cast<std::size_t>(dossier.current_step)].role)
                    : std::string_view{};
}

// Reads (id, doc) rows.
Outcome<std::vector<domain::Dossier>> ReadDocs(Statement& select) {
    std::vector<domain::Dossier> dossiers;
    while (select.Step()) {
        auto dossier = interchange::ParseStoredDossier(select.ColumnText(1), select.ColumnInt(0));
        if (!dossier) {
            return dossier.GetError();
        }
        dossiers.push_back(std::move(dossier).Value());
    }
    return dossiers;
}

std::vector<domain::DossierEvent> ReadEvents(Statement& select) {
    std::vector<domain::DossierEvent> events;
    while (select.Step()) {
        domain::DossierEvent event;
        event.seq = static_cast<int>(select.ColumnInt(0));
        event.at = ParseRfc3339(select.ColumnText(1)).value_or(Instant{});
        event.action =
            domain::ParseAction(select.ColumnText(2)).value_or(domain::DossierAction::kSubmit);
        event.actor_id = select.ColumnInt(3);
        event.actor_login = select.ColumnText(4);
        event.agency_code = select.ColumnText(5);
        if (!select.IsColumnNull(6)) {
            event.from = domain::StatusFromCode(static_cast<int>(select.ColumnInt(6)));
        }
        event.to = domain::StatusFromCode(static_cast<int>(select.ColumnInt(7)))
                       .value_or(domain::DossierStatus::kSubmitted);
        event.payload_json = select.ColumnText(8);
        if (!select.IsColumnNull(9)) {
            event.due_at = ParseRfc3339(select.ColumnText(9));
        }
        events.push_back(std::move(event));
    }
    return events;
}

}  // namespace

Outcome<int> SqlDossierStore::NextDailySequence(const std::string& agency_code,
                                                const std::string& day) {
    auto upsert = session_.Prepare(kNextSequence);
    upsert.Bind(1, agency_code).Bind(2, day);
    upsert.Step();
    const int sequence = static_cast<int>(upsert.ColumnInt(0));
    upsert.Run();
    return sequence;
}

Outcome<Done> SqlDossierStore::EnsureSequenceAtLeast(const std::string& agency_code,
                                                     const std::string& day, int sequence) {
    auto upsert = session_.Prepare(kEnsureSequence);
    upsert.Bind(1, agency_code).Bind(2, day).Bind(3, std::int64_t{sequence}).Run();
    return Done{};
}

Outcome<std::optional<domain::Dossier>> SqlDossierStore::FindOne(std::string_view sql,
                                                                 const std::string& code) {
    auto select = session_.Prepare(sql);
    select.Bind(1, code);
    auto found = ReadDocs(select);
    if (!found) {
        return found.GetError();
    }
    if (found.Value().empty()) {
        return std::optional<domain::Dossier>{};
    }
    return std::optional<domain::Dossier>(std::move(found.Value().front()));
}

Outcome<std::optional<domain::Dossier>> SqlDossierStore::FindByCode(const std::string& code) {
    return FindOne("SELECT id, doc FROM dossiers WHERE code = ?1{for_update}", code);
}

Outcome<std::optional<domain::Dossier>> SqlDossierStore::FindUnlockedByCode(
    const std::string& code) {
    return FindOne("SELECT id, doc FROM dossiers WHERE code = ?1{for_update_skip_locked}", code);
}

Outcome<std::int64_t> SqlDossierStore::Insert(const domain::Dossier& dossier) {
    auto insert = session_.Prepare(kInsertDossier);
    insert.Bind(1, dossier.code).Bind(2, dossier.procedure_code).Bind(3, dossier.receiving_agency);
    insert.Bind(4, dossier.current_agency).Bind(5, dossier.owner_account_id);
    insert.Bind(6, dossier.applicant.id_number)
        .Bind(7, std::int64_t{domain::StatusCode(dossier.status)});
    BindTime(insert, 8, dossier.due_at);
    BindTime(insert, 9, dossier.overdue_at);
    BindTime(insert, 10, dossier.received_at);
    insert.Bind(11, StoredDoc(dossier)).Bind(12, dossier.competent_agency);
    insert.Bind(13, CurrentRole(dossier));
    if (!insert.Step()) {
        return MakeError(ErrorKind::kConflict, "dossier_exists", dossier.code);
    }
    const std::int64_t id = insert.ColumnInt(0);
    insert.Run();
    return id;
}

Outcome<Done> SqlDossierStore::Update(const domain::Dossier& dossier) {
    auto update = session_.Prepare(kUpdateDossier);
    update.Bind(1, dossier.id).Bind(2, dossier.current_agency).Bind(3, dossier.owner_account_id);
    update.Bind(4, std::int64_t{domain::StatusCode(dossier.status)});
    BindTime(update, 5, dossier.due_at);
    BindTime(update, 6, dossier.overdue_at);
    BindTime(update, 7, dossier.received_at);
    update.Bind(8, StoredDoc(dossier)).Bind(9, CurrentRole(dossier));
    update.Run();
    if (update.Changes() == 0) {
        return MakeError(ErrorKind::kNotFound, "dossier_not_found", dossier.code);
    }
    return Done{};
}

Outcome<Done> SqlDossierStore::AppendEvent(std::int64_t dossier_id,
                                           const domain::DossierEvent& event) {
    auto insert = session_.Prepare(kInsertEvent);
    insert.Bind(1, dossier_id).Bind(2, std::int64_t{event.seq}).Bind(3, FormatUtc(event.at));
    insert.Bind(4, domain::ActionName(event.action)).Bind(5, event.actor_id);
    insert.Bind(6, event.actor_login).Bind(7, event.agency_code);
    if (event.from) {
        insert.Bind(8, std::int64_t{domain::StatusCode(*event.from)});
    } else {
        insert.BindNull(8);
    }
    insert.Bind(9, std::int64_t{domain::StatusCode(event.to)}).Bind(10, event.payload_json);
    BindTime(insert, 11, event.due_at);
    insert.Run();
    return Done{};
}

Outcome<std::vector<domain::DossierEvent>> SqlDossierStore::ListEvents(std::int64_t dossier_id) {
    auto select = session_.Prepare(std::string(kEventColumns) +
                                   " WHERE dossier_id = ?1::bigint ORDER BY seq");
    select.Bind(1, dossier_id);
    return ReadEvents(select);
}

Outcome<std::optional<domain::DossierEvent>> SqlDossierStore::FindEvent(std::int64_t dossier_id,
                                                                        int seq) {
    auto select = session_.Prepare(std::string(kEventColumns) +
                                   " WHERE dossier_id = ?1::bigint AND seq = ?2::int");
    select.Bind(1, dossier_id).Bind(2, std::int64_t{seq});
    auto events = ReadEvents(select);
    if (events.empty()) {
        return std::optional<domain::DossierEvent>{};
    }
    return std::optional<domain::DossierEvent>(std::move(events.front()));
}

Outcome<std::vector<domain::DossierEvent>> SqlDossierStore::ListEventsOf(
    std::int64_t dossier_id, std::span<const domain::DossierAction> actions) {
    if (actions.empty()) {
        return std::vector<domain::DossierEvent>{};
    }
    // Without statistics SQLite would walk the primary key (every event of the dossier).
    auto select = session_.Prepare(std::string(kEventColumns) +
                                   "{indexed_by dossier_events_by_action} WHERE dossier_id = "
                                   "?1::bigint AND action IN (" +
                                   Placeholders(2, actions.size()) + ") ORDER BY seq");
    select.Bind(1, dossier_id);
    for (std::size_t i = 0; i < actions.size(); ++i) {
        select.Bind(2 + static_cast<int>(i), domain::ActionName(actions[i]));
    }
    return ReadEvents(select);
}

Outcome<std::vector<domain::Dossier>> SqlDossierStore::List(const DossierFilter& filter) {
    auto select = PrepareDossierList(session_, filter);
    return ReadDocs(select);
}

Outcome<std::vector<domain::Dossier>> SqlDossierStore::ListCohort(const CohortFilter& filter) {
    auto select = session_.Prepare(
        "SELECT id, doc FROM dossiers WHERE competent_agency = ?1 AND received_at >= ?2 "
        "AND received_at < ?3 AND (received_at > ?4 OR (received_at = ?4 AND id > ?5::bigint)) "
        "ORDER BY received_at, id LIMIT ?6::bigint");
    select.Bind(1, filter.agency_code).Bind(2, filter.received_from).Bind(3, filter.received_to);
    select.Bind(4, filter.after_received_at).Bind(5, filter.after_id);
    select.Bind(6, std::int64_t{filter.limit});
    return ReadDocs(select);
}

Outcome<std::vector<OverdueCandidate>> SqlDossierStore::FindNewlyOverdue(
    const std::string& now, const OverdueCandidate& after, int limit) {
    // The partial index of migration 0009 holds exactly these candidates in this order; named
    // for SQLite, so that its planner never falls back to reading every running dossier.
    auto select = session_.Prepare(
        "SELECT due_at, code FROM dossiers{indexed_by dossiers_overdue_candidates} "
        "WHERE status IN (2, 4, 6) AND overdue_at IS NULL AND due_at < ?1 "
        "AND (due_at, code) > (?2, ?3) ORDER BY due_at, code LIMIT ?4::bigint");
    select.Bind(1, now).Bind(2, after.due_at).Bind(3, after.code).Bind(4, std::int64_t{limit});
    std::vector<OverdueCandidate> found;
    while (select.Step()) {
        found.push_back({select.ColumnText(0), select.ColumnText(1)});
    }
    return found;
}

Outcome<std::optional<std::string>> SqlDossierStore::FindIdempotencyKey(std::int64_t actor_id,
                                                                        const std::string& key) {
    // Held until the transaction ends: a concurrent retry with the same key waits here, then
    // finds the dossier this transaction created instead of creating a second one.
    session_.LockUntilEnd("motcua.idempotency/" + std::to_string(actor_id) + "/" + key);
    auto select = session_.Prepare(
        "SELECT dossier_code FROM idempotency_keys WHERE actor_id = ?1::bigint "
        "AND idempotency_key = ?2");
    select.Bind(1, actor_id).Bind(2, key);
    if (!select.Step()) {
        return std::optional<std::string>{};
    }
    return std::optional<std::string>(select.ColumnText(0));
}

Outcome<Done> SqlDossierStore::RememberIdempotencyKey(std::int64_t actor_id, const std::string& key,
                                                      const std::string& code,
                                                      const std::string& at) {
    session_
        .Prepare(
            "INSERT INTO idempotency_keys (actor_id, idempotency_key, dossier_code, "
            "created_at) VALUES (?1::bigint, ?2, ?3, ?4)")
        .Bind(1, actor_id)
        .Bind(2, key)
        .Bind(3, code)
        .Bind(4, at)
        .Run();
    return Done{};
}

}  // namespace motcua::storage::sql
