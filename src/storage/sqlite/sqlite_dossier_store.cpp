#include "storage/sqlite/sqlite_dossier_store.hpp"

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "interchange/dossier_json.hpp"

namespace motcua::storage::sqlite {
namespace {

constexpr std::string_view kInsertDossier =
    "INSERT INTO dossiers (code, procedure_code, receiving_agency, current_agency, "
    "owner_account_id, applicant_id_number, status, due_at, overdue_at, received_at, updated_at, "
    "doc, competent_agency) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
    "strftime('%Y-%m-%dT%H:%M:%fZ'), '{}', ?11)";
constexpr std::string_view kUpdateDossier =
    "UPDATE dossiers SET current_agency = ?2, owner_account_id = ?3, status = ?4, due_at = ?5, "
    "overdue_at = ?6, received_at = ?7, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ'), doc = ?8, "
    "current_role = ?9 WHERE id = ?1";
constexpr std::string_view kInsertEvent =
    "INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_login, "
    "agency_code, from_status, to_status, payload, due_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
constexpr std::string_view kDueKey = "coalesce(due_at, '9999')";

void BindTime(SqliteStatement& statement, int index, const std::optional<Instant>& instant) {
    if (instant) {
        statement.Bind(index, FormatUtc(*instant));
    } else {
        statement.BindNull(index);
    }
}

std::string StorageDoc(const domain::Dossier& dossier) {
    return boost::json::serialize(interchange::DossierToJson(dossier, FormatUtc));
}

Outcome<domain::Dossier> ReadDoc(const SqliteStatement& row, int doc_column, int id_column) {
    return interchange::ParseStoredDossier(row.ColumnText(doc_column), row.ColumnInt(id_column));
}

}  // namespace

Outcome<int> SqliteDossierStore::NextDailySequence(const std::string& agency_code,
                                                   const std::string& day) {
    auto upsert = connection_.Prepare(
        "INSERT INTO dossier_code_counters (agency_code, day, last_seq) VALUES (?1, ?2, 1) "
        "ON CONFLICT (agency_code, day) DO UPDATE SET last_seq = last_seq + 1 "
        "RETURNING last_seq");
    upsert.Bind(1, agency_code).Bind(2, day);
    upsert.Step();
    const int sequence = static_cast<int>(upsert.ColumnInt(0));
    upsert.Run();
    return sequence;
}

Outcome<Done> SqliteDossierStore::EnsureSequenceAtLeast(const std::string& agency_code,
                                                        const std::string& day, int sequence) {
    auto upsert = connection_.Prepare(
        "INSERT INTO dossier_code_counters (agency_code, day, last_seq) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (agency_code, day) DO UPDATE SET last_seq = max(last_seq, ?3)");
    upsert.Bind(1, agency_code).Bind(2, day).Bind(3, std::int64_t{sequence}).Run();
    return Done{};
}

Outcome<std::optional<domain::Dossier>> SqliteDossierStore::FindByCode(const std::string& code) {
    auto select = connection_.Prepare("SELECT id, doc FROM dossiers WHERE code = ?1");
    select.Bind(1, code);
    if (!select.Step()) {
        return std::optional<domain::Dossier>{};
    }
    auto dossier = ReadDoc(select, 1, 0);
    if (!dossier) {
        return dossier.GetError();
    }
    return std::optional<domain::Dossier>(std::move(dossier).Value());
}

Outcome<std::int64_t> SqliteDossierStore::Insert(const domain::Dossier& dossier) {
    auto existing = connection_.Prepare("SELECT 1 FROM dossiers WHERE code = ?1");
    existing.Bind(1, dossier.code);
    if (existing.Step()) {
        return MakeError(ErrorKind::kConflict, "dossier_exists", dossier.code);
    }
    auto insert = connection_.Prepare(kInsertDossier);
    insert.Bind(1, dossier.code).Bind(2, dossier.procedure_code).Bind(3, dossier.receiving_agency);
    insert.Bind(4, dossier.current_agency).Bind(5, dossier.owner_account_id);
    insert.Bind(6, dossier.applicant.id_number)
        .Bind(7, std::int64_t{domain::StatusCode(dossier.status)});
    BindTime(insert, 8, dossier.due_at);
    BindTime(insert, 9, dossier.overdue_at);
    BindTime(insert, 10, dossier.received_at);
    insert.Bind(11, dossier.competent_agency);
    insert.Run();
    domain::Dossier stored = dossier;
    stored.id = sqlite3_last_insert_rowid(connection_.GetHandle());
    MOTCUA_RETURN_IF_ERROR(Update(stored));
    return stored.id;
}

Outcome<Done> SqliteDossierStore::Update(const domain::Dossier& dossier) {
    auto update = connection_.Prepare(kUpdateDossier);
    update.Bind(1, dossier.id).Bind(2, dossier.current_agency).Bind(3, dossier.owner_account_id);
    update.Bind(4, std::int64_t{domain::StatusCode(dossier.status)});
    BindTime(update, 5, dossier.due_at);
    BindTime(update, 6, dossier.overdue_at);
    BindTime(update, 7, dossier.received_at);
    update.Bind(8, StorageDoc(dossier));
    const bool has_step =
        dossier.current_step >= 0 && dossier.current_step < static_cast<int>(dossier.steps.size());
    update.Bind(9, has_step
                       ? domain::StepRoleName(
                             dossier.steps[static_cast<std::size_t>(dossier.current_step)].role)
                       : "");
    update.Run();
    if (sqlite3_changes(connection_.GetHandle()) == 0) {
        return MakeError(ErrorKind::kNotFound, "dossier_not_found", dossier.code);
    }
    return Done{};
}

Outcome<Done> SqliteDossierStore::AppendEvent(std::int64_t dossier_id,
                                              const domain::DossierEvent& event) {
    auto insert = connection_.Prepare(kInsertEvent);
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

namespace {

constexpr std::string_view kEventColumns =
    "SELECT seq, at, action, actor_id, actor_login, agency_code, from_status, to_status, "
    "payload, due_at FROM dossier_events";

std::vector<domain::DossierEvent> ReadEvents(SqliteStatement& select) {
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

Outcome<std::vector<domain::DossierEvent>> SqliteDossierStore::ListEvents(std::int64_t dossier_id) {
    auto select =
        connection_.Prepare(std::string(kEventColumns) + " WHERE dossier_id = ?1 ORDER BY seq");
    select.Bind(1, dossier_id);
    return ReadEvents(select);
}

Outcome<std::vector<domain::DossierEvent>> SqliteDossierStore::ListEventsOf(
    std::int64_t dossier_id, std::span<const domain::DossierAction> actions) {
    if (actions.empty()) {
        return std::vector<domain::DossierEvent>{};
    }
    // Without statistics SQLite would walk the primary key (every event of the dossier).
    auto select = connection_.Prepare(std::string(kEventColumns) +
                                      " INDEXED BY dossier_events_by_action WHERE dossier_id = ?1"
                                      " AND action IN (" +
                                      NumberedPlaceholders(2, actions.size()) + ") ORDER BY seq");
    select.Bind(1, dossier_id);
    for (std::size_t i = 0; i < actions.size(); ++i) {
        select.Bind(2 + static_cast<int>(i), domain::ActionName(actions[i]));
    }
    return ReadEvents(select);
}

namespace {

// The conditions every list applies besides agency and role (fixed parameters ?1..?6).
constexpr std::string_view kListConditions =
    "(?1 = 0 OR owner_account_id = ?1 OR (?2 <> '' AND applicant_id_number = ?2)) "
    "AND (?3 = '' OR procedure_code = ?3) AND (?4 = '' OR due_at < ?4) "
    "AND (?5 = 0 OR (due_at < ?6 AND status IN (2, 4, 6)) OR overdue_at IS NOT NULL)";

// More branches than this and the inbox falls back to one sorted scan (SQLite allows 500
// compound terms).
constexpr std::size_t kMaxInboxBranches = 256;

bool IsBranchable(const DossierFilter& filter) {
    return filter.order == DossierOrder::kDueFirst && !filter.agencies.empty() &&
           !filter.roles.empty() &&
           2 * filter.agencies.size() * filter.roles.size() <= kMaxInboxBranches;
}

}  // namespace

Outcome<std::vector<domain::Dossier>> SqliteDossierStore::List(const DossierFilter& filter) {
    // Fixed parameters ?1..?9; agency, status and role lists follow as numbered parameters. The
    // page is chosen on the query columns alone; only its rows are read whole.
    int next = 10;
    auto placeholders = [&](std::size_t count) {
        std::string list = NumberedPlaceholders(next, count);
        next += static_cast<int>(count);
        return list;
    };
    const int agencies_from = next;
    const std::string agency_list = placeholders(filter.agencies.size());
    const int statuses_from = next;
    const std::string status_condition =
        filter.statuses.empty() ? ""
                                : " AND status IN (" + placeholders(filter.statuses.size()) + ")";
    const int roles_from = next;
    const std::string role_list = placeholders(filter.roles.size());
    const std::string due_key(kDueKey);
    // After the cursor, written so that the index seeks to it (a row-value comparison is not
    // used as an index range on an expression).
    const std::string after = " AND " + due_key + " >= ?7 AND (" + due_key + " > ?7 OR id > ?8)";
    std::string page;
    if (IsBranchable(filter)) {
        // An officer's inbox: one branch per (current or receiving agency, role), each read in
        // due order from its index (0011) and cut at the page size, so a page costs about its
        // rows times the branches, whatever the number of dossiers waiting.
        std::string branches;
        for (std::size_t a = 0; a < filter.agencies.size(); ++a) {
            for (std::size_t r = 0; r < filter.roles.size(); ++r) {
                for (const char* column : {"current_agency", "receiving_agency"}) {
                    branches += branches.empty() ? "" : " UNION ";
                    branches += "SELECT * FROM (SELECT id, " + due_key +
                                " AS k FROM dossiers WHERE " + column + " = ?" +
                                std::to_string(agencies_from + a) + " AND current_role = ?" +
                                std::to_string(roles_from + r) + " AND " +
                                std::string(kListConditions) + status_condition + after +
                                " ORDER BY k, id LIMIT ?9)";
                }
            }
        }
        page = "SELECT id, k FROM (" + branches + ") ORDER BY k, id LIMIT ?9";
    } else {
        page = "SELECT id, " +
               (filter.order == DossierOrder::kDueFirst ? due_key : std::string("id")) +
               " AS k FROM dossiers WHERE " + std::string(kListConditions) + status_condition;
        if (!filter.agencies.empty()) {
            page += " AND (current_agency IN (" + agency_list + ") OR receiving_agency IN (" +
                    agency_list + "))";
        }
        if (!filter.roles.empty()) {
            page += " AND current_role IN (" + role_list + ")";
        }
        page += filter.order == DossierOrder::kDueFirst
                    ? after + " ORDER BY " + due_key + ", id"
                    : " AND (?8 = 0 OR id < ?8) AND ?7 = ?7 ORDER BY id DESC";
        page += " LIMIT ?9";
    }
    const std::string sql = "SELECT d.id, d.doc FROM (" + page +
                            ") AS page JOIN dossiers AS d ON d.id = page.id " +
                            (filter.order == DossierOrder::kDueFirst ? "ORDER BY page.k, page.id"
                                                                     : "ORDER BY page.id DESC");
    auto select = connection_.Prepare(sql);
    select.Bind(1, filter.owner_account_id).Bind(2, filter.owner_id_number);
    select.Bind(3, filter.procedure_code).Bind(4, filter.due_before);
    select.Bind(5, std::int64_t{filter.overdue_only ? 1 : 0}).Bind(6, filter.now);
    select.Bind(7, filter.after_key).Bind(8, filter.after_id).Bind(9, std::int64_t{filter.limit});
    for (std::size_t i = 0; i < filter.agencies.size(); ++i) {
        select.Bind(agencies_from + static_cast<int>(i), filter.agencies[i]);
    }
    for (std::size_t i = 0; i < filter.statuses.size(); ++i) {
        select.Bind(statuses_from + static_cast<int>(i), std::int64_t{filter.statuses[i]});
    }
    for (std::size_t i = 0; i < filter.roles.size(); ++i) {
        select.Bind(roles_from + static_cast<int>(i), filter.roles[i]);
    }
    std::vector<domain::Dossier> dossiers;
    while (select.Step()) {
        auto dossier = ReadDoc(select, 1, 0);
        if (!dossier) {
            return dossier.GetError();
        }
        dossiers.push_back(std::move(dossier).Value());
    }
    return dossiers;
}

Outcome<std::vector<domain::Dossier>> SqliteDossierStore::ListCohort(const CohortFilter& filter) {
    auto select = connection_.Prepare(
        "SELECT id, doc FROM dossiers WHERE competent_agency = ?1 AND received_at >= ?2 "
        "AND received_at < ?3 AND (received_at > ?4 OR (received_at = ?4 AND id > ?5)) "
        "ORDER BY received_at, id LIMIT ?6");
    select.Bind(1, filter.agency_code).Bind(2, filter.received_from).Bind(3, filter.received_to);
    select.Bind(4, filter.after_received_at).Bind(5, filter.after_id);
    select.Bind(6, std::int64_t{filter.limit});
    std::vector<domain::Dossier> dossiers;
    while (select.Step()) {
        auto dossier = ReadDoc(select, 1, 0);
        if (!dossier) {
            return dossier.GetError();
        }
        dossiers.push_back(std::move(dossier).Value());
    }
    return dossiers;
}

Outcome<std::vector<OverdueCandidate>> SqliteDossierStore::FindNewlyOverdue(
    const std::string& now, const OverdueCandidate& after, int limit) {
    auto select = connection_.Prepare(
        // The partial index of migration 0009 holds exactly these candidates in this order;
        // named, so that the planner never falls back to reading every running dossier.
        "SELECT due_at, code FROM dossiers INDEXED BY dossiers_overdue_candidates "
        "WHERE status IN (2, 4, 6) AND overdue_at IS NULL AND due_at < ?1 "
        "AND (due_at, code) > (?2, ?3) ORDER BY due_at, code LIMIT ?4");
    select.Bind(1, now).Bind(2, after.due_at).Bind(3, after.code).Bind(4, std::int64_t{limit});
    std::vector<OverdueCandidate> found;
    while (select.Step()) {
        found.push_back({select.ColumnText(0), select.ColumnText(1)});
    }
    return found;
}

Outcome<std::optional<std::string>> SqliteDossierStore::FindIdempotencyKey(std::int64_t actor_id,
                                                                           const std::string& key) {
    auto select = connection_.Prepare(
        "SELECT dossier_code FROM idempotency_keys WHERE actor_id = ?1 AND idempotency_key = ?2");
    select.Bind(1, actor_id).Bind(2, key);
    if (!select.Step()) {
        return std::optional<std::string>{};
    }
    return std::optional<std::string>(select.ColumnText(0));
}

Outcome<Done> SqliteDossierStore::RememberIdempotencyKey(std::int64_t actor_id,
                                                         const std::string& key,
                                                         const std::string& code,
                                                         const std::string& at) {
    auto insert = connection_.Prepare(
        "INSERT INTO idempotency_keys (actor_id, idempotency_key, dossier_code, created_at) "
        "VALUES (?1, ?2, ?3, ?4)");
    insert.Bind(1, actor_id).Bind(2, key).Bind(3, code).Bind(4, at).Run();
    return Done{};
}

}  // namespace motcua::storage::sqlite
