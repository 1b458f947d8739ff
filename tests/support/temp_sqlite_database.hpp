// A fresh SQLite database file in a temporary folder, removed with the object.
#pragma once

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "storage/sqlite/sqlite_database.hpp"

namespace motcua::testing {

class TempSqliteDatabase {
public:
    TempSqliteDatabase() {
        std::random_device random;
        folder_ = std::filesystem::temp_directory_path() /
                  ("motcua-test-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(folder_);
        Reopen();
    }
    ~TempSqliteDatabase() {
        database_.reset();
        std::filesystem::remove_all(folder_);
    }
    /// Closes and opens the file again, as a restarted server would.
    void Reopen() {
        database_.reset();
        database_ =
            std::make_unique<storage::sqlite::SqliteDatabase>(storage::sqlite::SqliteOptions{
                (folder_ / "motcua.db").string(), 2, 256, std::string(32, 'k')});
        auto migrated = database_->Migrate();
        if (!migrated) {
            throw std::runtime_error("migration failed: " + migrated.GetError().detail);
        }
    }
    storage::sqlite::SqliteDatabase& Get() { return *database_; }
    const std::filesystem::path& GetFolder() const { return folder_; }

private:
    std::filesystem::path folder_;
    std::unique_ptr<storage::sqlite::SqliteDatabase> database_;
};

}  // namespace motcua::testing
