// App: the composition root — the only code that names concrete classes (the database backend,
// SystemClock). It holds the configuration and, once opened, the database and the services that
// the commands (app/commands/) run over.
#pragma once

#include <memory>
#include <string>

#include "app/app_services.hpp"
#include "app/config.hpp"
#include "common/clock.hpp"
#include "common/messages.hpp"
#include "storage/database.hpp"

namespace motcua::app {

class App {
public:
    explicit App(AppConfig config);
    ~App();

    /// Opens the database, migrates it and builds the services; prints the reason and returns
    /// nullptr on failure.
    AppServices* Open();

    const AppConfig& GetConfig() const { return config_; }
    /// Demo mode (`motcua demo`): call before Open().
    void EnableDemoMode() { config_.demo_mode = true; }
    const Clock& GetClock() const { return clock_; }
    const MessageCatalog& GetMessages() const { return messages_; }
    /// The database Open() opened.
    storage::Database& GetDatabase() { return *database_; }

private:
    AppConfig config_;
    SystemClock clock_;
    MessageCatalog messages_;
    std::string audit_key_;
    std::unique_ptr<storage::Database> database_;
    std::unique_ptr<AppServices> services_;
};

}  // namespace motcua::app
