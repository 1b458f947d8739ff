#include "storage/sql/sql_transaction.hpp"

namespace motcua::storage::sql {

Outcome<Done> SqlTransaction::Isolated(const std::function<Outcome<Done>()>& work) {
    // A failed statement leaves a PostgreSQL transaction aborted until ROLLBACK TO its
    // savepoint. Audit records held for the commit are dropped with the savepoint's rows; those
    // held from before are written first: a read of the log inside would write them within the
    // savepoint, and its rollback would lose them.
    MOTCUA_RETURN_IF_ERROR(audit_.BeforeCommit());
    const std::string name = "isolated_" + std::to_string(++savepoints_);
    session_.Exec("SAVEPOINT " + name);
    Outcome<Done> result = Done{};
    try {
        result = work();
    } catch (...) {
        audit_.DropHeld();
        session_.Exec("ROLLBACK TO SAVEPOINT " + name);
        session_.Exec("RELEASE SAVEPOINT " + name);
        throw;
    }
    if (!result) {
        audit_.DropHeld();
        session_.Exec("ROLLBACK TO SAVEPOINT " + name);
    }
    session_.Exec("RELEASE SAVEPOINT " + name);
    return result;
}

}  // namespace motcua::storage::sql
