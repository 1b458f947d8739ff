#include "storage/postgres/pg_session.hpp"

#include <optional>
#include <vector>

#include <pqxx/pqxx>

namespace motcua::storage::postgres {
namespace {

class PgStatementImpl final : public sql::StatementImpl {
public:
    PgStatementImpl(pqxx::transaction_base& transaction, std::string sql)
        : transaction_(transaction), sql_(std::move(sql)) {}

    void Bind(int index, std::string_view text) override { Slot(index) = std::string(text); }
    void Bind(int index, std::int64_t number) override { Slot(index) = std::to_string(number); }
    void BindNull(int index) override { Slot(index) = std::nullopt; }
    bool Step() override {
        if (!result_) {
            Execute();
            row_ = 0;
        } else {
            ++row_;
        }
        // NOLINTNEXTLINE(bugprone-unchecked-optional-access): Execute() has set it.
        return row_ < result_->size();
    }
    void Run() override {
        if (!result_) {
            Execute();
        }
    }
    std::int64_t Changes() const override {
        return result_ ? static_cast<std::int64_t>(result_->affected_rows()) : 0;
    }
    std::string ColumnText(int column) const override {
        const auto field = Field(column);
        return field.is_null() ? std::string{} : std::string(field.c_str(), field.size());
    }
    std::int64_t ColumnInt(int column) const override {
        const auto field = Field(column);
        return field.is_null() ? 0 : field.as<std::int64_t>();
    }
    bool IsColumnNull(int column) const override { return Field(column).is_null(); }

private:
    std::optional<std::string>& Slot(int index) {
        const auto position = static_cast<std::size_t>(index - 1);
        if (values_.size() <= position) {
            values_.resize(position + 1);
        }
        return values_[position];
    }
    pqxx::field Field(int column) const {
        // NOLINTNEXTLINE(bugprone-unchecked-optional-access): read only after Step() executed.
        return (*result_)[static_cast<pqxx::result::size_type>(row_)]
                         [static_cast<pqxx::row::size_type>(column)];
    }
    void Execute() {
        // libpqxx sends a null pointer as SQL NULL and copies every other value.
        std::vector<const char*> pointers;
        pointers.reserve(values_.size());
        for (const auto& value : values_) {
            pointers.push_back(value ? value->c_str() : nullptr);
        }
        result_ = transaction_.exec_params(sql_, pqxx::prepare::make_dynamic_params(pointers));
    }

    pqxx::transaction_base& transaction_;
    std::string sql_;
    std::vector<std::optional<std::string>> values_;
    std::optional<pqxx::result> result_;
    std::size_t row_ = 0;
};

}  // namespace

sql::Statement PgSession::Prepare(std::string_view sql) {
    return sql::Statement(std::make_unique<PgStatementImpl>(
        transaction_, sql::TranslateSql(sql, sql::Backend::kPostgres, writable_)));
}

void PgSession::LockUntilEnd(std::string_view name) {
    if (writable_) {
        Prepare("SELECT pg_advisory_xact_lock(hashtextextended(?1::text, 0))").Bind(1, name).Run();
    }
}

void PgSession::Exec(std::string_view sql) { transaction_.exec(std::string(sql)); }

}  // namespace motcua::storage::postgres
