// The dossier list (inbox, applicant's dossiers, search pages): the one dossier query whose SQL
// is written per backend. Both read an officer's inbox as one branch per (agency, role) and per
// current or receiving agency, each read in due order from its index (migration 0011) and cut
// at the page size, so that a page costs about its rows times the branches, whatever the number
// of dossiers waiting. What differs is how the branches are spelled for each planner:
// - SQLite has no LATERAL joins and no arrays: the branches are a UNION written out with one
//   numbered parameter per list item, and the page is chosen on the query columns alone before
//   its rows are read whole.
// - PostgreSQL takes the lists as array parameters (one statement text whatever their length)
//   and runs the branches as a LATERAL join over the unnested arrays.
#include "storage/sql/sql_dossier_store.hpp"

namespace motcua::storage::sql {
namespace {

constexpr std::string_view kDueKey = "coalesce(due_at, '9999')";

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

void BindFixed(Statement& select, const DossierFilter& filter) {
    select.Bind(1, filter.owner_account_id).Bind(2, filter.owner_id_number);
    select.Bind(3, filter.procedure_code).Bind(4, filter.due_before);
    select.Bind(5, std::int64_t{filter.overdue_only ? 1 : 0}).Bind(6, filter.now);
    select.Bind(7, filter.after_key).Bind(8, filter.after_id).Bind(9, std::int64_t{filter.limit});
}

Statement PrepareSqlite(Session& session, const DossierFilter& filter) {
    // Fixed parameters ?1..?9; agency, status and role lists follow as numbered parameters.
    int next = 10;
    auto placeholders = [&](std::size_t count) {
        std::string list = Placeholders(next, count);
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
        std::string branches;
        for (std::size_t a = 0; a < filter.agencies.size(); ++a) {
            for (std::size_t r = 0; r < filter.roles.size(); ++r) {
                for (const char* column : {"current_agency", "receiving_agency"}) {
                    branches += branches.empty() ? "" : " UNION ";
                    branches.append("SELECT * FROM (SELECT id, ")
                        .append(due_key)
                        .append(" AS k FROM dossiers WHERE ")
                        .append(column)
                        .append(" = ?")
                        .append(std::to_string(agencies_from + a))
                        .append(" AND current_role = ?")
                        .append(std::to_string(roles_from + r))
                        .append(" AND ")
                        .append(kListConditions)
                        .append(status_condition)
                        .append(after)
                        .append(" ORDER BY k, id LIMIT ?9)");
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
    auto select = session.Prepare(
        "SELECT d.id, d.doc FROM (" + page + ") AS page JOIN dossiers AS d ON d.id = page.id " +
        (filter.order == DossierOrder::kDueFirst ? "ORDER BY page.k, page.id"
                                                 : "ORDER BY page.id DESC"));
    BindFixed(select, filter);
    for (std::size_t i = 0; i < filter.agencies.size(); ++i) {
        select.Bind(agencies_from + static_cast<int>(i), filter.agencies[i]);
    }
    for (std::size_t i = 0; i < filter.statuses.size(); ++i) {
        select.Bind(statuses_from + static_cast<int>(i), std::int64_t{filter.statuses[i]});
    }
    for (std::size_t i = 0; i < filter.roles.size(); ++i) {
        select.Bind(roles_from + static_cast<int>(i), filter.roles[i]);
    }
    return select;
}

Statement PreparePostgres(Session& session, const DossierFilter& filter) {
    // Lists are array parameters (?10 agencies, ?11 statuses, ?12 roles); an empty one matches
    // everything.
    const std::string conditions =
        "(?1::bigint = 0 OR owner_account_id = ?1::bigint OR "
        "(?2::text <> '' AND applicant_id_number = ?2::text)) "
        "AND (?3::text = '' OR procedure_code = ?3::text) "
        "AND (?4::text = '' OR due_at < ?4::text) "
        "AND (?5::int = 0 OR (due_at < ?6::text AND status IN (2, 4, 6)) "
        "OR overdue_at IS NOT NULL) "
        "AND (cardinality(?11::int[]) = 0 OR status = ANY (?11::int[]))";
    const std::string due_key(kDueKey);
    const std::string after = " AND (" + due_key + ", id) > (?7::text, ?8::bigint)";
    std::string sql;
    if (filter.order == DossierOrder::kDueFirst && !filter.agencies.empty() &&
        !filter.roles.empty()) {
        auto branch = [&](const char* column) {
            return "(SELECT id, " + due_key + " AS k FROM dossiers WHERE " + column +
                   " = a.code AND \"current_role\" = r.role AND " + conditions + after +
                   " ORDER BY k, id LIMIT ?9::bigint)";
        };
        sql =
            "WITH page AS (SELECT DISTINCT b.id, b.k FROM unnest(?10::text[]) AS a(code) "
            "CROSS JOIN unnest(?12::text[]) AS r(role) CROSS JOIN LATERAL (" +
            branch("current_agency") + " UNION ALL " + branch("receiving_agency") +
            ") AS b ORDER BY b.k, b.id LIMIT ?9::bigint) "
            "SELECT d.id, d.doc FROM page JOIN dossiers AS d ON d.id = page.id "
            "ORDER BY page.k, page.id";
    } else {
        sql = "SELECT id, doc FROM dossiers WHERE " + conditions +
              " AND (cardinality(?10::text[]) = 0 OR current_agency = ANY (?10::text[]) "
              "OR receiving_agency = ANY (?10::text[])) "
              "AND (cardinality(?12::text[]) = 0 OR \"current_role\" = ANY (?12::text[]))";
        sql += filter.order == DossierOrder::kDueFirst
                   ? after + " ORDER BY " + due_key + ", id"
                   : " AND (?8::bigint = 0 OR id < ?8::bigint) AND ?7::text = ?7::text "
                     "ORDER BY id DESC";
        sql += " LIMIT ?9::bigint";
    }
    auto select = session.Prepare(sql);
    BindFixed(select, filter);
    select.Bind(10, TextArray(filter.agencies)).Bind(11, IntArray(filter.statuses));
    select.Bind(12, TextArray(filter.roles));
    return select;
}

}  // namespace

Statement PrepareDossierList(Session& session, const DossierFilter& filter) {
    return session.GetBackend() == Backend::kPostgres ? PreparePostgres(session, filter)
                                                      : PrepareSqlite(session, filter);
}

}  // namespace motcua::storage::sql
