// CommandTable: what each command's file registered — the subcommand it added to the parser and
// the action to run when that subcommand was parsed. main.cpp parses, then runs the one action.
#pragma once

#include <functional>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/app.hpp"

namespace motcua::app {

class CommandTable {
public:
    /// An action over the App built from the loaded configuration; returns the exit code.
    using Action = std::function<int(App& app)>;
    /// An action that needs no configuration (`version`).
    using StandaloneAction = std::function<int()>;

    void Add(const CLI::App* subcommand, Action action);
    void AddStandalone(const CLI::App* subcommand, StandaloneAction action);

    /// The standalone action of the parsed subcommand, or nullptr.
    const StandaloneAction* FindParsedStandalone() const;
    /// Runs the action of the parsed subcommand; 2 when none was registered for it.
    int RunParsed(App& app) const;

private:
    struct Entry {
        const CLI::App* subcommand;
        Action action;
        StandaloneAction standalone;
    };
    std::vector<Entry> entries_;
};

}  // namespace motcua::app
