#include "app/commands/command_table.hpp"

namespace motcua::app {

void CommandTable::Add(const CLI::App* subcommand, Action action) {
    entries_.push_back({subcommand, std::move(action), {}});
}

void CommandTable::AddStandalone(const CLI::App* subcommand, StandaloneAction action) {
    entries_.push_back({subcommand, {}, std::move(action)});
}

const CommandTable::StandaloneAction* CommandTable::FindParsedStandalone() const {
    for (const auto& entry : entries_) {
        if (entry.standalone && entry.subcommand->parsed()) {
            return &entry.standalone;
        }
    }
    return nullptr;
}

int CommandTable::RunParsed(App& app) const {
    for (const auto& entry : entries_) {
        if (entry.action && entry.subcommand->parsed()) {
            return entry.action(app);
        }
    }
    return 2;
}

}  // namespace motcua::app
