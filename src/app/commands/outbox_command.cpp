// `motcua outbox list|retry|skip`: the outbox from the console (docs/connectors.md §3) — what was
// sent to each national system or waits to go, and the operator's two levers: try a dead message
// again, or give it up so that the dossier's next message may go. Audited as the system actor.
#include <memory>
#include <string>

#include <fmt/format.h>

#include "app/app_services.hpp"
#include "app/commands/commands.hpp"

namespace motcua::app {
namespace {

struct ListOptions {
    std::string connector;
    std::string state;
    std::string dossier;
    int limit = 50;
};

int PrintFailure(std::string_view command, const Error& error) {
    fmt::print(stderr, "motcua: outbox {}: {} {}\n", command, error.code,
               error.detail.empty() ? error.param : error.detail);
    return 1;
}

int List(App& app, const ListOptions& options) {
    AppServices* services = app.Open();
    if (services == nullptr) {
        return 1;
    }
    storage::OutboxFilter filter;
    filter.connector = options.connector;
    filter.dossier_code = options.dossier;
    filter.limit = options.limit;
    if (!options.state.empty()) {
        filter.state = storage::ParseOutboxState(options.state);
        if (!filter.state) {
            fmt::print(stderr,
                       "motcua: outbox list: --state must be pending, delivered, dead or "
                       "skipped\n");
            return 2;
        }
    }
    auto page = services->outbox.List(domain::Actor::System("outbox list"), filter, "");
    if (!page) {
        return PrintFailure("list", page.GetError());
    }
    fmt::print("{:>8}  {:<8}  {:<28}  {:>4}  {:<18}  {:<9}  {:>8}  {}\n", "id", "system", "dossier",
               "seq", "action", "state", "attempts", "last error / delivered at");
    for (const auto& row : page.Value().items) {
        fmt::print("{:>8}  {:<8}  {:<28}  {:>4}  {:<18}  {:<9}  {:>8}  {}\n", row.id, row.connector,
                   row.dossier_code.empty() ? "-" : row.dossier_code, row.event_seq, row.action,
                   storage::OutboxStateName(row.state), row.attempts,
                   row.last_error.empty() ? row.delivered_at : row.last_error);
    }
    return 0;
}

int Settle(App& app, std::int64_t id, bool retry) {
    AppServices* services = app.Open();
    if (services == nullptr) {
        return 1;
    }
    const auto actor = domain::Actor::System(retry ? "outbox retry" : "outbox skip");
    auto row = retry ? services->outbox.Retry(actor, id) : services->outbox.Skip(actor, id);
    if (!row) {
        return PrintFailure(retry ? "retry" : "skip", row.GetError());
    }
    fmt::print("message {} ({} of dossier {}, event {}) is {}\n", id, row.Value().connector,
               row.Value().dossier_code, row.Value().event_seq,
               storage::OutboxStateName(row.Value().state));
    return 0;
}

}  // namespace

void RegisterOutboxCommand(CLI::App& cli, CommandTable& table) {
    auto* outbox = cli.add_subcommand("outbox", "messages to national systems (the outbox)");
    outbox->require_subcommand(1);

    auto options = std::make_shared<ListOptions>();
    auto* list = outbox->add_subcommand("list", "list messages, newest first");
    list->add_option("--connector", options->connector, "only this system (dvcqg)");
    list->add_option("--state", options->state, "pending, delivered, dead or skipped");
    list->add_option("--dossier", options->dossier, "only this dossier's messages");
    list->add_option("--limit", options->limit, "how many (default 50, at most 200)")
        ->check(CLI::Range(1, 200));
    table.Add(list, [options](App& app) { return List(app, *options); });

    for (const bool retry : {true, false}) {
        auto id = std::make_shared<std::int64_t>(0);
        auto* command = outbox->add_subcommand(
            retry ? "retry" : "skip",
            retry ? "try a dead or waiting message again now, its attempts counted from zero"
                  : "give a dead or waiting message up: the dossier's next message may go");
        command->add_option("id", *id, "the message's id (outbox list)")
            ->required()
            ->check(CLI::PositiveNumber);
        table.Add(command, [id, retry](App& app) { return Settle(app, *id, retry); });
    }
}

}  // namespace motcua::app
