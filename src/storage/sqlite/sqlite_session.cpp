#include "storage/sqlite/sqlite_session.hpp"

namespace motcua::storage::sqlite {
namespace {

class SqliteStatementImpl final : public sql::StatementImpl {
public:
    SqliteStatementImpl(SqliteConnection& connection, std::string_view sql)
        : db_(connection.GetHandle()), statement_(connection, sql) {}
    void Bind(int index, std::string_view text) override { statement_.Bind(index, text); }
    void Bind(int index, std::int64_t number) override { statement_.Bind(index, number); }
    void BindNull(int index) override { statement_.BindNull(index); }
    bool Step() override { return statement_.Step(); }
    void Run() override { statement_.Run(); }
    // The connection's count of the last statement that changed rows: this one, when asked
    // right after it ran.
    std::int64_t Changes() const override { return sqlite3_changes64(db_); }
    std::string ColumnText(int column) const override { return statement_.ColumnText(column); }
    std::int64_t ColumnInt(int column) const override { return statement_.ColumnInt(column); }
    bool IsColumnNull(int column) const override { return statement_.IsColumnNull(column); }

private:
    sqlite3* db_;
    SqliteStatement statement_;
};

}  // namespace

sql::Statement SqliteSession::Prepare(std::string_view sql) {
    return sql::Statement(std::make_unique<SqliteStatementImpl>(connection_, sql));
}

}  // namespace motcua::storage::sqlite
