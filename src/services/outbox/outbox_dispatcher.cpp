#include "services/outbox/outbox_dispatcher.hpp"

#include <algorithm>
#include <vector>

#include <spdlog/spdlog.h>

#include "common/time_format.hpp"

namespace motcua::services {
namespace {

using Kind = storage::OutboxOutcome::Kind;

enum class Fate { kNotTried, kTried, kReleased };

}  // namespace

struct OutboxDispatcher::Work {
    struct Item {
        storage::ClaimedOutboxRow row;
        std::optional<domain::Dossier> dossier;
        std::optional<domain::DossierEvent> event;
        DeliveryResult result;
        Fate fate = Fate::kNotTried;
    };
    std::vector<Item> items;
    std::shared_ptr<const CatalogSnapshot> catalog;
    std::chrono::steady_clock::time_point deadline;
};

OutboxDispatcher::OutboxDispatcher(storage::Database& database, CatalogService& catalog,
                                   DossierService& dossiers, Connector& connector,
                                   const Clock& clock, DispatcherOptions options,
                                   std::string claimer, Observer observer)
    : database_(database),
      catalog_(catalog),
      dossiers_(dossiers),
      connector_(connector),
      clock_(clock),
      options_(options),
      claimer_(std::move(claimer)),
      observer_(std::move(observer)),
      jitter_(std::random_device{}()) {}

OutboxDispatcher::~OutboxDispatcher() { Stop(); }

std::chrono::milliseconds OutboxDispatcher::Backoff(const DispatcherOptions& options,
                                                    int attempts) {
    auto delay = options.backoff_base;
    for (int i = 1; i < attempts && delay < options.backoff_cap; ++i) {
        delay *= 2;
    }
    return std::min(delay, options.backoff_cap);
}

Outcome<DispatchRound> OutboxDispatcher::RunOnce() {
    const std::string name(connector_.Name());
    const Instant claimed_at = clock_.Now();
    Work work;
    work.deadline = std::chrono::steady_clock::now() + options_.lease * 3 / 4;
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(
            auto rows, transaction.Outbox().Claim(name, FormatUtc(claimed_at),
                                                  FormatUtc(claimed_at + options_.lease), claimer_,
                                                  options_.batch));
        work.items.clear();
        for (auto& row : rows) {
            work.items.push_back({.row = std::move(row)});
        }
        return Done{};
    }));
    DispatchRound round;
    round.claimed = static_cast<int>(work.items.size());
    if (work.items.empty()) {
        return round;
    }
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        for (auto& item : work.items) {
            if (item.row.dossier_id == 0) {
                continue;  // A message row carries its content.
            }
            MOTCUA_ASSIGN_OR_RETURN(item.dossier,
                                    transaction.Dossiers().FindByCode(item.row.dossier_code));
            MOTCUA_ASSIGN_OR_RETURN(item.event, transaction.Dossiers().FindEvent(
                                                    item.row.dossier_id, item.row.event_seq));
        }
        return Done{};
    }));
    work.catalog = catalog_.GetSnapshot();
    DeliverAll(work);

    const Instant settled_at = clock_.Now();
    std::vector<storage::OutboxOutcome> outcomes;
    outcomes.reserve(work.items.size());
    for (auto& item : work.items) {
        storage::OutboxOutcome outcome{.id = item.row.id};
        if (item.fate != Fate::kTried) {
            outcome.kind = Kind::kReleased;
            ++round.released;
        } else if (item.result.status == DeliveryStatus::kDelivered) {
            outcome.kind = Kind::kDelivered;
            ++round.delivered;
        } else {
            const int attempts = item.row.attempts + 1;
            outcome.kind = attempts >= options_.max_attempts ? Kind::kDead : Kind::kFailed;
            const auto delay = Backoff(options_, attempts);
            std::uniform_int_distribution<std::int64_t> spread(delay.count() / 2, delay.count());
            outcome.next_at = FormatUtc(settled_at + std::chrono::milliseconds(spread(jitter_)));
            outcome.error = item.result.error;
            if (outcome.kind == Kind::kDead) {
                ++round.dead;
                spdlog::warn("outbox: {} row {} (dossier {}) is dead after {} attempts: {}",
                             connector_.Name(), item.row.id, item.row.dossier_code, attempts,
                             item.result.error);
            } else {
                ++round.failed;
            }
        }
        outcome.sent = std::move(item.result.sent);
        outcome.answer = std::move(item.result.answer);
        outcomes.push_back(std::move(outcome));
    }
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) {
        return transaction.Outbox().Settle(claimer_, FormatUtc(settled_at), outcomes);
    }));
    if (round.failed > 0) {
        spdlog::info("outbox: {}: {} delivered, {} failed (last: {}), {} released",
                     connector_.Name(), round.delivered, round.failed,
                     outcomes.back().error.empty() ? "-" : outcomes.back().error, round.released);
    }
    if (observer_) {
        observer_(connector_.Name(), round);
    }
    return round;
}

void OutboxDispatcher::DeliverAll(Work& work) {
    const auto deliver_one = [&](const Work::Item& item) -> DeliveryResult {
        if (item.row.dossier_id == 0) {
            return connector_.DeliverMessage({.id = item.row.id,
                                              .attempt = item.row.attempts + 1,
                                              .kind = item.row.action,
                                              .payload = item.row.payload});
        }
        if (!item.dossier || !item.event) {
            return {.error = "the dossier or its event is missing"};
        }
        return connector_.Deliver({.id = item.row.id,
                                   .attempt = item.row.attempts + 1,
                                   .first_of_dossier = item.row.first_of_dossier,
                                   .dossier = *item.dossier,
                                   .event = *item.event,
                                   .catalog = *work.catalog});
    };
    std::atomic<std::size_t> next{0};
    std::atomic<int> failures_in_a_row{0};
    const auto deliver = [&] {
        for (std::size_t i = next++; i < work.items.size(); i = next++) {
            auto& item = work.items[i];
            if (failures_in_a_row.load() >= options_.give_up_after_failures ||
                std::chrono::steady_clock::now() > work.deadline) {
                item.fate = Fate::kReleased;
                continue;
            }
            item.fate = Fate::kTried;
            item.result = deliver_one(item);
            if (item.result.status == DeliveryStatus::kDelivered) {
                failures_in_a_row = 0;
                // Recorded from the worker, so that the acknowledgements of a round commit
                // together (the writers' group commit) rather than one after another.
                if (item.dossier && item.result.acknowledged && !item.dossier->synced) {
                    RecordAcknowledgement(*item.dossier);
                }
            } else {
                ++failures_in_a_row;
            }
        }
    };
    const auto threads = std::min<std::size_t>(
        static_cast<std::size_t>(std::max(options_.workers, 1)), work.items.size());
    if (threads <= 1) {
        deliver();
        return;
    }
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) {
        pool.emplace_back(deliver);
    }
}

void OutboxDispatcher::RecordAcknowledgement(const domain::Dossier& dossier) {
    domain::ActionInput input;
    input.action = domain::DossierAction::kSyncAck;
    input.system = std::string(connector_.Name());
    input.payload_json = R"({"system":")" + input.system + R"("})";
    const auto actor = domain::Actor::System(input.system + " connector");
    auto recorded = dossiers_.Act(actor, dossier.code, std::move(input));
    if (!recorded) {
        spdlog::warn("outbox: the {} acknowledgement of {} was not recorded: {} {}",
                     connector_.Name(), dossier.code, recorded.GetError().code,
                     recorded.GetError().detail);
    }
}

void OutboxDispatcher::Start() {
    thread_ = std::jthread([this](const std::stop_token& stop) { Loop(stop); });
}

void OutboxDispatcher::Stop() {
    if (thread_.joinable()) {
        thread_.request_stop();
        wake_.notify_all();
        thread_.join();
    }
}

void OutboxDispatcher::Nudge() {
    {
        const std::lock_guard lock(mutex_);
        nudged_ = true;
    }
    wake_.notify_one();
}

void OutboxDispatcher::Loop(const std::stop_token& stop) {
    while (!stop.stop_requested()) {
        auto round = RunOnce();
        if (!round) {
            spdlog::warn("outbox: a {} round failed: {}", connector_.Name(),
                         round.GetError().detail);
        }
        if (round && round.Value().claimed >= options_.batch && round.Value().released == 0) {
            continue;  // A full batch went through: more may be waiting.
        }
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, stop, options_.poll, [this] { return nudged_; });
        nudged_ = false;
    }
}

}  // namespace motcua::services
